import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Affine } from '../../src/layers/affine.js';
import { LayerError } from '../../src/layers/layer-error.js';
import { axpyInPlace, clone, createRng, randn, tensor, zeros } from '../../src/tensor/index.js';
import { assertLayerGradients } from '../helpers/gradcheck.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend(() => {
  test('forward computes x·W + b on a hand-checked 2×3 case', () => {
    const W = tensor([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    const layer = new Affine(W, tensor([10, 20]));
    const out = layer.forward(
      tensor([
        [1, 0, -1],
        [2, 1, 0],
      ]),
    );
    assert.deepEqual(out.toArray(), [
      [1 - 5 + 10, 2 - 6 + 20],
      [2 + 3 + 10, 4 + 4 + 20],
    ]);
  });

  test('backward gives dx = dout·Wᵀ, dW = xᵀ·dout and db = column sums of dout', () => {
    const layer = new Affine(
      tensor([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
      tensor([0, 0]),
    );
    layer.forward(
      tensor([
        [1, 0, -1],
        [2, 1, 0],
      ]),
    );
    const dx = layer.backward(
      tensor([
        [1, 0],
        [0, 2],
      ]),
    );
    assert.deepEqual(dx.toArray(), [
      [1, 3, 5],
      [4, 8, 12],
    ]);
    assert.deepEqual(layer.grads.W.toArray(), [
      [1, 4],
      [0, 2],
      [-1, 0],
    ]);
    assert.deepEqual(layer.grads.b.toArray(), [1, 2]);
  });

  test('backward matches the numerical gradient in float64 (dx, dW, db)', () => {
    const rng = createRng(1);
    const layer = new Affine(randn([4, 3], rng), randn([3], rng));
    const report = assertLayerGradients(layer, randn([5, 4], rng), { rng });
    assert.deepEqual(Object.keys(report), ['dx', 'W', 'b']);
  });

  test('backward matches the numerical gradient in float32 with a loose tolerance', () => {
    const rng = createRng(2);
    const f32 = { dtype: 'float32' as const };
    const layer = new Affine(randn([4, 3], rng, f32), randn([3], rng, f32));
    assertLayerGradients(layer, randn([5, 4], rng, f32), { rng });
  });

  test('an N-D input is flattened to (N, D) and dx comes back in the input shape', () => {
    const rng = createRng(3);
    const layer = new Affine(randn([6, 2], rng), randn([2], rng));
    const x = randn([3, 2, 3], rng);
    const out = layer.forward(x);
    assert.deepEqual(out.shape, [3, 2]);
    const flat = new Affine(layer.W, layer.b).forward(x.reshape([3, 6]));
    assert.deepEqual(out.toArray(), flat.toArray());
    const dx = layer.backward(randn([3, 2], rng));
    assert.deepEqual(dx.shape, [3, 2, 3]);
    assertLayerGradients(layer, x, { rng });
  });

  test('by default, each call returns new tensors: the first results keep their values', () => {
    const rng = createRng(5);
    const layer = new Affine(randn([3, 2], rng), randn([2], rng));
    const dout = randn([4, 2], rng);
    const out1 = layer.forward(randn([4, 3], rng));
    const kept = out1.toArray();
    const dW1 = (layer.backward(dout), layer.grads.W);
    const dW1Values = dW1.toArray();
    const out2 = layer.forward(randn([4, 3], rng));
    layer.backward(dout);
    assert.notEqual(out2, out1);
    assert.notEqual(layer.grads.W, dW1);
    assert.deepEqual(out1.toArray(), kept);
    assert.deepEqual(dW1.toArray(), dW1Values);
    assert.notDeepEqual(out2.toArray(), kept);
  });

  test('with reuseBuffers on, a repeated step reuses the output and gradient buffers and leaves dout unchanged', () => {
    const rng = createRng(4);
    const layer = new Affine(randn([3, 2], rng), randn([2], rng));
    layer.reuseBuffers = true;
    const x = randn([4, 3], rng);
    const dout = randn([4, 2], rng);
    const before = clone(dout);
    const out1 = layer.forward(x);
    const dx1 = layer.backward(dout);
    const dW1 = layer.grads.W;
    const out2 = layer.forward(x);
    const dx2 = layer.backward(dout);
    assert.equal(out2, out1);
    assert.equal(dx2, dx1);
    assert.equal(layer.grads.W, dW1);
    assert.deepEqual(dout.toArray(), before.toArray());
  });

  test('an in-place update of W is seen by the layer (parameters are shared by reference)', () => {
    const W = tensor([
      [1, 0],
      [0, 1],
    ]);
    const b = tensor([0, 0]);
    const layer = new Affine(W, b);
    assert.equal(layer.params.W, W);
    axpyInPlace(
      W,
      -0.5,
      tensor([
        [2, 0],
        [0, 2],
      ]),
    );
    assert.deepEqual(layer.forward(tensor([[3, 4]])).toArray(), [[0, 0]]);
  });

  test('bad shapes and backward before forward throw naming the layer and the shapes', () => {
    assert.throws(() => new Affine(zeros([3]), zeros([3])), LayerError);
    assert.throws(() => new Affine(zeros([3, 2]), zeros([3])), /b must have shape \(2,\)/);
    const layer = new Affine(zeros([3, 2]), zeros([2]));
    assert.throws(() => layer.backward(zeros([1, 2])), /Affine.backward called before forward/);
    assert.throws(() => layer.forward(zeros([2, 4])), /x must be \(N, 3\).*got \(2, 4\)/);
    layer.forward(zeros([2, 3]));
    assert.throws(
      () => layer.backward(zeros([3, 2])),
      /dout must have the output's shape \(2, 2\)/,
    );
  });

  test('x or dout of another dtype than W throws saying both dtypes', () => {
    const layer = new Affine(zeros([2, 2]), zeros([2]));
    assert.throws(
      () => layer.forward(zeros([1, 2], { dtype: 'float32' })),
      /Affine.forward: x must be float64 like W, got float32/,
    );
    layer.forward(zeros([1, 2]));
    assert.throws(
      () => layer.backward(zeros([1, 2], { dtype: 'float32' })),
      /Affine.backward: dout must have the output's shape \(1, 2\) and dtype float64, got \(1, 2\) float32/,
    );
  });

  test('backwardParams gives backward’s dW and db without computing dx, and throws before forward', () => {
    const rng = createRng(140);
    const W = randn([5, 3], rng);
    const x = randn([4, 5], rng);
    const dout = randn([4, 3], rng);
    const full = new Affine(W, zeros([3]));
    const part = new Affine(W, zeros([3]));
    assert.throws(() => part.backwardParams(dout), /Affine.backward called before forward/);
    full.forward(x);
    part.forward(x);
    full.backward(dout);
    assert.equal(part.backwardParams(dout), undefined);
    assert.deepEqual(part.grads.W.toArray(), full.grads.W.toArray());
    assert.deepEqual(part.grads.b.toArray(), full.grads.b.toArray());
    assert.throws(() => part.backwardParams(zeros([4, 2])), LayerError);
  });
});
