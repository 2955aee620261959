import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sigmoid } from '../../src/layers/sigmoid.js';
import { createRng, randn, tensor } from '../../src/tensor/index.js';
import { assertLayerGradients } from '../helpers/gradcheck.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend(() => {
  test('forward is 1/(1 + e⁻ˣ) and stays finite for large |x|', () => {
    const out = new Sigmoid().forward(
      tensor([
        [0, 2, -2],
        [1000, -1000, 0],
      ]),
    );
    const s2 = 1 / (1 + Math.exp(-2));
    const [r0, r1] = out.toArray() as number[][];
    assert.equal(r0[0], 0.5);
    assert.ok(Math.abs(r0[1] - s2) < 1e-15 && Math.abs(r0[2] - (1 - s2)) < 1e-15);
    assert.deepEqual(r1, [1, 0, 0.5]);
  });

  test('backward is dout·y·(1 − y) from the cached output', () => {
    const layer = new Sigmoid();
    layer.forward(tensor([0, 0]));
    assert.deepEqual(layer.backward(tensor([1, 4])).toArray(), [0.25, 1]);
  });

  test('backward matches the numerical gradient in float64', () => {
    const rng = createRng(20);
    assertLayerGradients(new Sigmoid(), randn([3, 4], rng, { std: 2 }), { rng });
  });

  test('backward matches the numerical gradient in float32 with a loose tolerance', () => {
    const rng = createRng(21);
    assertLayerGradients(new Sigmoid(), randn([3, 4], rng, { std: 2, dtype: 'float32' }), { rng });
  });

  test('backward leaves dout unchanged and, with reuseBuffers on, reuses its buffer', () => {
    const layer = new Sigmoid();
    layer.reuseBuffers = true;
    const dout = tensor([[1, 2]]);
    layer.forward(tensor([[0.5, -0.5]]));
    const dx = layer.backward(dout);
    assert.deepEqual(dout.toArray(), [[1, 2]]);
    layer.forward(tensor([[1, 1]]));
    assert.equal(layer.backward(dout), dx);
  });

  test('backward before forward throws', () => {
    assert.throws(
      () => new Sigmoid().backward(tensor([1])),
      /Sigmoid.backward called before forward/,
    );
  });

  test('dout of another shape than the output throws naming the layer', () => {
    const layer = new Sigmoid();
    layer.forward(tensor([[1, -1]]));
    assert.throws(
      () => layer.backward(tensor([[1], [1]])),
      /Sigmoid.backward: dout must have the output's shape \(1, 2\) and dtype float64, got \(2, 1\) float64/,
    );
  });
});
