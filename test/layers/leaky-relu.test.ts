import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Backend } from '../../src/backend/backend.js';
import { createJsBackend } from '../../src/backend/js/js-backend.js';
import { getBackend, setBackend } from '../../src/backend/registry.js';
import { createWasmBackend } from '../../src/backend/wasm/wasm-backend.js';
import { LayerError } from '../../src/layers/layer-error.js';
import { LEAKY_RELU_SLOPE, LeakyRelu } from '../../src/layers/leaky-relu.js';
import { createRng, tensor } from '../../src/tensor/index.js';
import { assertLayerGradients, randnAwayFromZero } from '../helpers/gradcheck.js';

const BACKENDS: Record<string, () => Backend | Promise<Backend>> = {
  js: createJsBackend,
  wasm: createWasmBackend,
};

for (const [name, make] of Object.entries(BACKENDS)) {
  describe(`LeakyRelu on the ${name} backend`, () => {
    let previous: Backend;
    before(async () => {
      previous = getBackend();
      setBackend(await make());
    });
    after(() => setBackend(previous));

    test("forward keeps x > 0 and scales the rest by PyTorch's default slope 0.01", () => {
      assert.equal(new LeakyRelu().slope, LEAKY_RELU_SLOPE);
      assert.deepEqual(new LeakyRelu().forward(tensor([[-2, 0, 3]])).toArray(), [[-0.02, 0, 3]]);
    });

    test('a slope above 1 still gives x for x > 0 and α·x below', () => {
      const out = new LeakyRelu({ slope: 3 }).forward(tensor([-2, 0.5]));
      assert.deepEqual(out.toArray(), [-6, 0.5]);
    });

    test('backward passes dout where x > 0 and α·dout where x ≤ 0, including at 0', () => {
      const layer = new LeakyRelu({ slope: 0.25 });
      layer.forward(tensor([[1, -0.5, 0]]));
      assert.deepEqual(layer.backward(tensor([[8, 8, 4]])).toArray(), [[8, 2, 1]]);
    });

    for (const slope of [0.01, 0.2, 2]) {
      test(`with slope ${slope}, backward matches the numerical gradient in float64 away from 0`, () => {
        const rng = createRng(40);
        const x = randnAwayFromZero([4, 5], rng, 1e-3);
        assertLayerGradients(new LeakyRelu({ slope }), x, { rng });
      });
    }

    test('backward matches the numerical gradient in float32 with a loose tolerance', () => {
      const rng = createRng(41);
      const x = randnAwayFromZero([4, 5], rng, 0.1, 'float32');
      assertLayerGradients(new LeakyRelu({ slope: 0.1 }), x, { rng });
    });

    test('backward never writes into dout', () => {
      const layer = new LeakyRelu();
      const dout = tensor([[1, 2, 3]]);
      layer.forward(tensor([[-1, 1, -1]]));
      layer.backward(dout);
      assert.deepEqual(dout.toArray(), [[1, 2, 3]]);
    });
  });
}

test('a negative, infinite or non-number slope is a LayerError', () => {
  for (const slope of [-0.1, Infinity, Number.NaN, '0.1' as unknown as number]) {
    assert.throws(
      () => new LeakyRelu({ slope }),
      (e: unknown) =>
        e instanceof LayerError &&
        /LeakyRelu: slope must be a finite number ≥ 0, got/.test(e.message),
    );
  }
});

test('backward before forward throws', () => {
  assert.throws(
    () => new LeakyRelu().backward(tensor([1])),
    /LeakyRelu.backward called before forward/,
  );
});
