import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Relu } from '../../src/layers/relu.js';
import { createRng, tensor } from '../../src/tensor/index.js';
import { assertLayerGradients, randnAwayFromZero } from '../helpers/gradcheck.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend(() => {
  test('forward zeroes the negative entries and keeps the rest', () => {
    const layer = new Relu();
    assert.deepEqual(
      layer
        .forward(
          tensor([
            [1, -0.5, 0],
            [-2, 3, 0.25],
          ]),
        )
        .toArray(),
      [
        [1, 0, 0],
        [0, 3, 0.25],
      ],
    );
  });

  test('backward passes dout where x > 0 and gives 0 where x ≤ 0, including at 0', () => {
    const layer = new Relu();
    layer.forward(tensor([[1, -0.5, 0]]));
    assert.deepEqual(layer.backward(tensor([[7, 8, 9]])).toArray(), [[7, 0, 0]]);
  });

  test('backward matches the numerical gradient in float64 away from 0', () => {
    const rng = createRng(10);
    // 10·h from the kink: a central difference across 0 would measure neither slope.
    assertLayerGradients(new Relu(), randnAwayFromZero([4, 5], rng, 1e-3), { rng });
  });

  test('backward matches the numerical gradient in float32 with a loose tolerance', () => {
    const rng = createRng(11);
    assertLayerGradients(new Relu(), randnAwayFromZero([4, 5], rng, 0.1, 'float32'), { rng });
  });

  test('backward never writes into dout (the book zeroes it in place)', () => {
    const layer = new Relu();
    const dout = tensor([[1, 2, 3]]);
    layer.forward(tensor([[-1, 1, -1]]));
    layer.backward(dout);
    assert.deepEqual(dout.toArray(), [[1, 2, 3]]);
  });

  test('by default two forwards return distinct tensors with their own values', () => {
    const layer = new Relu();
    const a = layer.forward(tensor([[1, -1]]));
    const b = layer.forward(tensor([[3, 4]]));
    assert.notEqual(a, b);
    assert.deepEqual(a.toArray(), [[1, 0]]);
    assert.deepEqual(b.toArray(), [[3, 4]]);
  });

  test('with reuseBuffers on, the output and dx buffers are reused while the shape stays, and a new shape gets new ones', () => {
    const layer = new Relu();
    layer.reuseBuffers = true;
    const x = tensor([[1, -1]]);
    const out = layer.forward(x);
    const dx = layer.backward(tensor([[1, 1]]));
    assert.equal(layer.forward(x), out);
    assert.equal(layer.backward(tensor([[1, 1]])), dx);
    assert.deepEqual(layer.forward(tensor([1, -1, 2])).toArray(), [1, 0, 2]);
  });

  test('backward before forward throws', () => {
    assert.throws(() => new Relu().backward(tensor([1])), /Relu.backward called before forward/);
  });

  test('a ReLU layer has no parameters', () => {
    const layer = new Relu();
    assert.deepEqual(Object.keys(layer.params), []);
    assert.deepEqual(Object.keys(layer.grads), []);
  });

  test('dout of another shape or dtype than the output throws naming the layer', () => {
    const layer = new Relu();
    layer.forward(tensor([[1, -1]]));
    assert.throws(
      () => layer.backward(tensor([1, 1])),
      /Relu.backward: dout must have the output's shape \(1, 2\) and dtype float64, got \(2,\) float64/,
    );
    assert.throws(
      () => layer.backward(tensor([[1, 1]], { dtype: 'float32' })),
      /got \(1, 2\) float32/,
    );
  });
});
