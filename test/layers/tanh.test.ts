import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Backend } from '../../src/backend/backend.js';
import { createJsBackend } from '../../src/backend/js/js-backend.js';
import { getBackend, setBackend } from '../../src/backend/registry.js';
import { createWasmBackend } from '../../src/backend/wasm/wasm-backend.js';
import { Tanh } from '../../src/layers/tanh.js';
import { createRng, randn, tensor } from '../../src/tensor/index.js';
import { assertLayerGradients } from '../helpers/gradcheck.js';

const BACKENDS: Record<string, () => Backend | Promise<Backend>> = {
  js: createJsBackend,
  wasm: createWasmBackend,
};

for (const [name, make] of Object.entries(BACKENDS)) {
  describe(`Tanh on the ${name} backend`, () => {
    let previous: Backend;
    before(async () => {
      previous = getBackend();
      setBackend(await make());
    });
    after(() => setBackend(previous));

    test('forward is tanh x: 0 at 0, odd, ±1 for large |x|', () => {
      const out = new Tanh().forward(tensor([[0, 1, -1, 1000, -1000]])).toArray() as number[][];
      assert.equal(out[0][0], 0);
      assert.ok(Math.abs(out[0][1] - Math.tanh(1)) < 1e-15, `tanh 1 = ${out[0][1]}`);
      assert.equal(out[0][2], -out[0][1]);
      assert.deepEqual(out[0].slice(3), [1, -1]);
    });

    test('backward is dout·(1 − out²) from the cached output', () => {
      const layer = new Tanh();
      const y = Math.tanh(0.5);
      layer.forward(tensor([0, 0.5]));
      const dx = layer.backward(tensor([3, 2])).toArray() as number[];
      assert.equal(dx[0], 3);
      assert.ok(Math.abs(dx[1] - 2 * (1 - y * y)) < 1e-15, `dx = ${dx[1]}`);
    });

    test('backward matches the numerical gradient in float64', () => {
      const rng = createRng(30);
      assertLayerGradients(new Tanh(), randn([3, 5], rng, { std: 1.5 }), { rng });
    });

    test('backward matches the numerical gradient in float32 with a loose tolerance', () => {
      const rng = createRng(31);
      assertLayerGradients(new Tanh(), randn([3, 5], rng, { std: 1.5, dtype: 'float32' }), {
        rng,
      });
    });

    test('backward leaves dout unchanged', () => {
      const layer = new Tanh();
      const dout = tensor([[1, 2]]);
      layer.forward(tensor([[0.5, -0.5]]));
      layer.backward(dout);
      assert.deepEqual(dout.toArray(), [[1, 2]]);
    });
  });
}

test('backward before forward throws, and a dout of another shape names the layer', () => {
  assert.throws(() => new Tanh().backward(tensor([1])), /Tanh.backward called before forward/);
  const layer = new Tanh();
  layer.forward(tensor([[1, -1]]));
  assert.throws(
    () => layer.backward(tensor([[1], [1]])),
    /Tanh.backward: dout must have the output's shape \(1, 2\) and dtype float64, got \(2, 1\) float64/,
  );
});
