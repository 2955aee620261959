import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gaussianBlobs } from '../../src/data/synthetic.js';
import { Affine } from '../../src/layers/affine.js';
import { Relu } from '../../src/layers/relu.js';
import { Sigmoid } from '../../src/layers/sigmoid.js';
import { SoftmaxWithLoss } from '../../src/layers/softmax-with-loss.js';
import { ACTIVATIONS } from '../../src/models/activations.js';
import { ModelError } from '../../src/models/model-error.js';
import { TwoLayerNet } from '../../src/models/two-layer-net.js';
import type { Params } from '../../src/models/network.js';
import { gradientCheck } from '../../src/numerical/gradient-check.js';
import type { TwoLayerWeights } from '../../src/numerical/two-layer-forward-cache.js';
import { TwoLayerNumericalGradient } from '../../src/numerical/two-layer-numerical-gradient.js';
import { countAllocations } from '../helpers/count-allocs.js';
import {
  axpyInPlace,
  clone,
  createRng,
  rand,
  tensor,
  zeros,
  type Tensor,
} from '../../src/tensor/index.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend(() => {
  /** Three MNIST-like samples (pixels in [0, 1)) with one-hot labels, as gradient_check.py uses. */
  function batch(inputSize: number, classes: number, seed: number): { x: Tensor; t: Tensor } {
    const rng = createRng(seed);
    const x = rand([3, inputSize], rng);
    const t = zeros([3, classes]);
    for (let n = 0; n < 3; n++) t.setAt(1, n, rng.int(classes));
    return { x, t };
  }

  test('the chapter-5 gradient check: backprop and numerical gradients differ by ≤ 1e-9 on average per parameter', () => {
    const net = new TwoLayerNet(64, 16, 10, { rng: createRng(50) });
    const { x, t } = batch(64, 10, 51);
    const report = gradientCheck(net.gradient(x, t).grads, net.numericalGradient(x, t));
    assert.deepEqual(Object.keys(report), ['W1', 'b1', 'W2', 'b2']);
    for (const [key, r] of Object.entries(report)) {
      assert.ok(r.meanAbs <= 1e-9, `${key}: mean |backprop − numerical| = ${r.meanAbs}`);
      assert.ok(
        r.maxRel < 1e-5,
        `${key}: max relative ${r.maxRel} at [${r.worstIndex.join(', ')}]`,
      );
    }
  });

  test('the ch04 sigmoid network passes the same gradient check', () => {
    const net = new TwoLayerNet(20, 8, 4, {
      activation: 'sigmoid',
      rng: createRng(52),
      weightInitStd: 0.5,
    });
    const { x, t } = batch(20, 4, 53);
    for (const [key, r] of Object.entries(
      gradientCheck(net.gradient(x, t).grads, net.numericalGradient(x, t)),
    )) {
      assert.ok(r.meanAbs <= 1e-9, `${key}: ${r.meanAbs}`);
    }
    assert.ok(net.layers[1] instanceof Sigmoid);
  });

  test('in float32 the gradient check passes with a loose tolerance', () => {
    const net = new TwoLayerNet(10, 6, 3, {
      dtype: 'float32',
      weightInitStd: 0.5,
      rng: createRng(54),
    });
    const { x, t } = batch(10, 3, 55);
    const grads = net.gradient(x, t).grads;
    assert.equal(grads.W1.dtype, 'float32');
    for (const [key, r] of Object.entries(
      gradientCheck(grads, net.numericalGradient(x, t), { floor: 1e-3 }),
    )) {
      assert.ok(
        r.maxRel < 1e-2 && r.meanAbs < 1e-5,
        `${key}: ${r.maxRel} at [${r.worstIndex.join(', ')}]`,
      );
    }
  });

  test('params are W1 b1 W2 b2 with the book shapes, drawn with σ = 0.01 and zero biases', () => {
    const net = new TwoLayerNet(784, 50, 10);
    assert.deepEqual(Object.keys(net.params), ['W1', 'b1', 'W2', 'b2']);
    assert.deepEqual(net.params.W1.shape, [784, 50]);
    assert.deepEqual(net.params.b2.shape, [10]);
    const w = Array.from(net.params.W1.data);
    const std = Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
    assert.ok(Math.abs(std - 0.01) < 0.0005, `std ${std}`);
    assert.ok(Array.from(net.params.b1.data).every((v) => v === 0));
    assert.deepEqual(net.config, {
      kind: 'two-layer',
      inputSize: 784,
      hiddenSizes: [50],
      outputSize: 10,
      activation: 'relu',
      weightDecay: 0,
      dropout: 0,
      dtype: 'float64',
      weightInit: 0.01,
    });
    assert.ok(
      net.layers[0] instanceof Affine &&
        net.layers[1] instanceof Relu &&
        net.layers[2] instanceof Affine,
    );
  });

  test('an optimizer-style in-place update of params is seen by the layers', () => {
    const net = new TwoLayerNet(4, 3, 2, { rng: createRng(56) });
    const x = rand([2, 4], createRng(57));
    assert.equal((net.layers[0] as Affine).W, net.params.W1);
    const before = clone(net.predict(x));
    const { grads } = net.gradient(x, [0, 1]);
    for (const key of Object.keys(grads)) axpyInPlace(net.params[key], -1, grads[key]);
    axpyInPlace(net.params.b2, 1, tensor([5, -5]));
    const after = net.predict(x);
    assert.ok(
      Math.abs(after.at(0, 0) - before.at(0, 0) - 5) < 1,
      'the bias update moved the scores',
    );
    assert.notDeepEqual(after.toArray(), before.toArray());
  });

  test('gradient runs one forward and one backward and reuses its buffers from step to step', () => {
    const net = new TwoLayerNet(5, 4, 3, { rng: createRng(58) });
    const x = rand([6, 5], createRng(59));
    const t = new Int32Array([0, 1, 2, 0, 1, 2]);
    let forwards = 0;
    const affine1 = net.layers[0] as Affine;
    const original = affine1.forward.bind(affine1);
    affine1.forward = (input: Tensor) => (forwards++, original(input));
    const first = net.gradient(x, t, { reuse: true });
    assert.equal(forwards, 1);
    assert.ok(
      net.lastLayer instanceof SoftmaxWithLoss,
      'the default last layer is SoftmaxWithLoss',
    );
    assert.equal(first.loss, net.lastLayer.loss);
    const second = net.gradient(x, t, { reuse: true });
    assert.equal(second.grads, first.grads);
    assert.equal(second.grads.W1, first.grads.W1);
    assert.equal(net.predict(x, false, { reuse: true }), net.predict(x, false, { reuse: true }));
  });

  test('predict, gradient and numericalGradient return tensors the caller owns: two calls never share one', () => {
    const net = new TwoLayerNet(5, 4, 3, { rng: createRng(158), weightInitStd: 0.5 });
    const x1 = rand([6, 5], createRng(159));
    const x2 = rand([6, 5], createRng(160));
    const t = new Int32Array([0, 1, 2, 0, 1, 2]);
    const p1 = net.predict(x1);
    const p1Values = p1.toArray();
    const p2 = net.predict(x2);
    assert.notEqual(p1, p2);
    assert.deepEqual(p1.toArray(), p1Values, 'the first scores keep their values');
    assert.notDeepEqual(p2.toArray(), p1Values);
    const g1 = net.gradient(x1, t).grads;
    const w1 = g1.W1.toArray();
    const g2 = net.gradient(x2, t).grads;
    assert.notEqual(g2.W1, g1.W1);
    assert.deepEqual(g1.W1.toArray(), w1);
    const n1 = net.numericalGradient(x1, t);
    assert.notEqual(net.numericalGradient(x1, t).W1, n1.W1);
  });

  test('loss and accuracy accept index and one-hot labels alike', () => {
    const net = new TwoLayerNet(3, 4, 2, { rng: createRng(60), weightInitStd: 1 });
    const x = rand([4, 3], createRng(61));
    const idx = [0, 1, 1, 0];
    const oneHot = tensor([
      [1, 0],
      [0, 1],
      [0, 1],
      [1, 0],
    ]);
    assert.equal(net.loss(x, idx), net.loss(x, oneHot));
    assert.equal(net.accuracy(x, idx), net.accuracy(x, oneHot));
    const predicted = (net.predict(x).toArray() as number[][]).map((r) => (r[1] > r[0] ? 1 : 0));
    assert.equal(net.accuracy(x, idx), predicted.filter((p, i) => p === idx[i]).length / 4);
  });

  test('trained by plain SGD on Gaussian blobs it reaches ≥ 95 % accuracy on held-out data', () => {
    const rng = createRng(62);
    const train = gaussianBlobs({ classes: 3, perClass: 100, spread: 0.7, rng });
    const held = gaussianBlobs({ classes: 3, perClass: 100, spread: 0.7, rng: createRng(63) });
    const net = new TwoLayerNet(2, 16, 3, { rng }); // the book's defaults: ReLU, σ = 0.01
    const lossBefore = net.loss(train.x, train.t);
    for (let i = 0; i < 400; i++) {
      const { grads } = net.gradient(train.x, train.t);
      for (const key in grads) axpyInPlace(net.params[key], -0.5, grads[key]);
    }
    const acc = net.accuracy(held.x, held.t);
    assert.ok(Math.abs(lossBefore - Math.log(3)) < 0.01, `untrained loss ${lossBefore} ≈ ln 3`);
    assert.ok(net.loss(train.x, train.t) < 0.3, 'training lowered the loss');
    assert.ok(acc >= 0.95, `held-out accuracy ${acc}`);
  });

  test('bad sizes, an unknown activation and a dtype mismatch in the input are handled', () => {
    assert.throws(() => new TwoLayerNet(0, 5, 2), ModelError);
    assert.throws(
      () => new TwoLayerNet(2, 1.5, 2),
      /hiddenSize must be a positive integer, got 1.5/,
    );
    assert.throws(
      () => new TwoLayerNet(2, 2, 2, { activation: 'gelu' as 'relu' }),
      /activation must be one of relu, sigmoid, tanh, leakyRelu, got 'gelu'/,
    );
    const net = new TwoLayerNet(2, 2, 2, { dtype: 'float32' });
    assert.equal(net.predict(tensor([[1, 2]])).dtype, 'float32');
  });

  test('after the first step, a training step with a fixed batch shape allocates no tensor storage', () => {
    const net = new TwoLayerNet(8, 6, 3, { rng: createRng(64) });
    const x = rand([5, 8], createRng(65));
    const t = new Int32Array([0, 1, 2, 1, 0]);
    const step = (): void => {
      const { grads } = net.gradient(x, t, { reuse: true });
      for (const key in grads) axpyInPlace(net.params[key], -0.1, grads[key]);
    };
    step();
    assert.equal(countAllocations(step), 0);
    assert.ok(
      countAllocations(() => net.gradient(rand([2, 8], createRng(66)), [0, 1])) > 0,
      'the counter counts',
    );
  });

  test('numericalGradient is the structured sweep: index and one-hot labels and a single 1-D sample agree with it', () => {
    const net = new TwoLayerNet(20, 8, 4, { weightInitStd: 0.5, rng: createRng(56) });
    const { x, t } = batch(20, 4, 57);
    const labels = Int32Array.from([0, 1, 2], (n) =>
      Array.from(t.data.subarray(n * 4, n * 4 + 4)).indexOf(1),
    );
    const sweep = new TwoLayerNumericalGradient(ACTIVATIONS.relu.scalar).compute(
      x,
      labels,
      net.params as Params & TwoLayerWeights,
    );
    const expected = Object.fromEntries(
      ['W1', 'b1', 'W2', 'b2'].map((k) => [k, Array.from(sweep[k as keyof TwoLayerWeights].data)]),
    );
    const asArrays = (g: Params): Record<string, number[]> =>
      Object.fromEntries(Object.entries(g).map(([k, v]) => [k, Array.from(v.data)]));
    assert.deepEqual(asArrays(net.numericalGradient(x, t)), expected);
    assert.deepEqual(asArrays(net.numericalGradient(x, labels)), expected);
    const one = net.numericalGradient(tensor(Array.from(x.data.subarray(0, 20))), labels[0]);
    assert.deepEqual(one.W1.shape, [20, 8]);
    assert.ok(Array.from(one.W1.data).some((v) => v !== 0));
    assert.throws(
      () => net.numericalGradient(zeros([1, 2, 20]), [0]),
      /x must have shape \(N, 20\)/,
    );
  });
});
