import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TwoLayerNet } from '../../src/models/two-layer-net.js';
import { numericalGradients } from '../../src/models/network-helpers.js';
import type { Params } from '../../src/models/network.js';
import { numericalGradient } from '../../src/numerical/numerical-gradient.js';
import { ACTIVATION_NAMES, ACTIVATIONS, type Activation } from '../../src/models/activations.js';
import type { TwoLayerWeights } from '../../src/numerical/two-layer-forward-cache.js';
import { TwoLayerNumericalGradient } from '../../src/numerical/two-layer-numerical-gradient.js';
import { createRng, rand, tensor, type Tensor } from '../../src/tensor/index.js';

const KEYS = ['W1', 'b1', 'W2', 'b2'] as const;

function weights(net: TwoLayerNet): TwoLayerWeights {
  return net.params as Params & TwoLayerWeights;
}

/** Inputs in [0, 1) with every third one 0 (MNIST rows are mostly zeros) and labels in 0..C−1. */
function batch(n: number, d: number, classes: number, seed: number): { x: Tensor; t: Int32Array } {
  const rng = createRng(seed);
  const x = rand([n, d], rng);
  for (let i = 0; i < x.size; i += 3) x.data[i] = 0;
  return { x, t: Int32Array.from({ length: n }, () => rng.int(classes)) };
}

/** The largest |a − b| over the elements of two gradients. */
function maxAbsDiff(a: Tensor, b: Tensor): number {
  assert.deepEqual(a.shape, b.shape);
  let worst = 0;
  for (let i = 0; i < a.size; i++) worst = Math.max(worst, Math.abs(a.data[i] - b.data[i]));
  return worst;
}

/** The book's loop body for one element: (f(w + h) − f(w − h)) / 2h, the element restored. */
function centralDifferenceAt(loss: () => number, p: Tensor, i: number, h = 1e-4): number {
  const saved = p.data[i];
  p.data[i] = saved + h;
  const up = loss();
  p.data[i] = saved - h;
  const down = loss();
  p.data[i] = saved;
  return (up - down) / (2 * h);
}

/**
 * A small net whose first hidden unit sits 3e-5 above 0 on row 0, so that perturbations of W1[·, 0]
 * and b1[0] push that ReLU (or leaky ReLU) across its kink: the sweep must recompute both sides there.
 */
function smallNet(activation: Activation): { net: TwoLayerNet; x: Tensor; t: Int32Array } {
  const net = new TwoLayerNet(12, 7, 4, { activation, weightInitStd: 0.6, rng: createRng(70) });
  const { x, t } = batch(5, 12, 4, 71);
  const { W1, b1 } = net.params;
  let z0 = 0;
  for (let i = 0; i < 12; i++) z0 += x.data[i] * W1.data[i * 7];
  b1.data[0] = -z0 + 3e-5;
  for (let j = 1; j < 7; j++) b1.data[j] = 0.1 * (j - 3);
  return { net, x, t };
}

for (const activation of ACTIVATION_NAMES) {
  test(`with ${activation}, every gradient equals the plain central-difference loop to 1e-9`, () => {
    const { net, x, t } = smallNet(activation);
    const plain = numericalGradients(() => net.loss(x, t, true), net.params);
    const fast = new TwoLayerNumericalGradient(ACTIVATIONS[activation].scalar).compute(
      x,
      t,
      weights(net),
    );
    for (const key of KEYS) {
      const d = maxAbsDiff(fast[key], plain[key]);
      assert.ok(d <= 1e-9, `${activation} ${key}: max |fast − plain| = ${d}`);
    }
  });
}

test('with a step of 0.05, where the series of exp does not apply, it still equals the plain loop', () => {
  for (const activation of ACTIVATION_NAMES) {
    const { net, x, t } = smallNet(activation);
    const loss = (): number => net.loss(x, t, true);
    const { scalar } = ACTIVATIONS[activation];
    const fast = new TwoLayerNumericalGradient(scalar, 0.05).compute(x, t, weights(net));
    for (const key of KEYS) {
      const d = maxAbsDiff(fast[key], numericalGradient(loss, net.params[key], 0.05));
      assert.ok(d <= 1e-9, `${activation} ${key}: max |fast − plain| = ${d}`);
    }
  }
});

test('on 784-50-10 with 3 samples, b1, W2, b2 and 400 entries of W1 equal the plain loop to 1e-9', () => {
  const net = new TwoLayerNet(784, 50, 10, { rng: createRng(72) });
  const { x, t } = batch(3, 784, 10, 73);
  const loss = (): number => net.loss(x, t, true);
  const fast = new TwoLayerNumericalGradient(ACTIVATIONS.relu.scalar).compute(x, t, weights(net));
  for (const key of ['b1', 'W2', 'b2'] as const) {
    const d = maxAbsDiff(fast[key], numericalGradient(loss, net.params[key], 1e-4));
    assert.ok(d <= 1e-9, `${key}: max |fast − plain| = ${d}`);
  }
  const rng = createRng(74);
  let nonZero = 0;
  for (let s = 0; s < 400; s++) {
    const i = rng.int(784 * 50);
    const plain = centralDifferenceAt(loss, net.params.W1, i);
    if (plain !== 0) nonZero++;
    const d = Math.abs(fast.W1.data[i] - plain);
    assert.ok(d <= 1e-9, `W1 flat index ${i}: fast ${fast.W1.data[i]}, plain ${plain}`);
  }
  assert.ok(nonZero > 150, `only ${nonZero} of the sampled W1 gradients are non-zero`);
});

test('a float32 network gets the float64 central differences of its values, in float32', () => {
  const net32 = new TwoLayerNet(12, 7, 4, {
    dtype: 'float32',
    weightInitStd: 0.6,
    rng: createRng(75),
  });
  const net64 = new TwoLayerNet(12, 7, 4, { weightInitStd: 0.6, rng: createRng(76) });
  for (const key of KEYS) net64.params[key].data.set(net32.params[key].data);
  const { x, t } = batch(4, 12, 4, 77);
  const plain = numericalGradients(() => net64.loss(x, t), net64.params);
  const fast = new TwoLayerNumericalGradient(ACTIVATIONS.relu.scalar).compute(x, t, weights(net32));
  for (const key of KEYS) {
    assert.equal(fast[key].dtype, 'float32');
    const d = maxAbsDiff(fast[key], plain[key]);
    assert.ok(d <= 1e-7, `${key}: max |fast − plain| = ${d} (float32 rounding of the result)`);
  }
});

test('inputs that are 0 in every row get a gradient of exactly 0, as in the plain loop', () => {
  const { net, x, t } = smallNet('sigmoid');
  for (let n = 0; n < 5; n++) x.data[n * 12 + 4] = 0;
  const fast = new TwoLayerNumericalGradient(ACTIVATIONS.sigmoid.scalar).compute(
    x,
    t,
    weights(net),
  );
  for (let j = 0; j < 7; j++) assert.equal(fast.W1.data[4 * 7 + j], 0);
  assert.notEqual(fast.W1.data[5 * 7], 0);
});

test('the parameters are left untouched and the gradient buffers are reused by the next call', () => {
  const { net, x, t } = smallNet('relu');
  const before = KEYS.map((k) => Array.from(net.params[k].data));
  const numerical = new TwoLayerNumericalGradient(ACTIVATIONS.relu.scalar);
  const first = numerical.compute(x, t, weights(net));
  const w1 = Array.from(first.W1.data);
  const second = numerical.compute(x, t, weights(net));
  assert.equal(second.W1, first.W1);
  assert.deepEqual(Array.from(second.W1.data), w1);
  assert.deepEqual(
    KEYS.map((k) => Array.from(net.params[k].data)),
    before,
  );
});

test('labels of the wrong count or out of range, bad shapes, h or activation throw RangeError', () => {
  const { net, x } = smallNet('relu');
  const numerical = new TwoLayerNumericalGradient(ACTIVATIONS.relu.scalar);
  assert.throws(
    () => numerical.compute(x, Int32Array.of(0, 1), weights(net)),
    /expected 5 class indices/,
  );
  assert.throws(
    () => numerical.compute(x, Int32Array.of(0, 1, 2, 3, 4), weights(net)),
    /labels\[4\]: expected a class index in 0\.\.3, got 4/,
  );
  assert.throws(
    () => numerical.compute(tensor([[1, 2]]), Int32Array.of(0), weights(net)),
    /x must have shape \(N, 12\), got \(1, 2\)/,
  );
  assert.throws(
    () => new TwoLayerNumericalGradient(ACTIVATIONS.relu.scalar, 0),
    /h must be a finite number > 0/,
  );
  assert.throws(
    () => new TwoLayerNumericalGradient('tanh' as never),
    /activation must be a ScalarActivation \(value and slopeBound\)/,
  );
});
