import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crossEntropyLoss, CrossEntropyLoss } from '../../src/losses/cross-entropy-loss.js';
import { nllLoss } from '../../src/losses/nll-loss.js';
import { softmax } from '../../src/functions/activations.js';
import type { LossLayer } from '../../src/layers/layer.js';
import { createRng, randn, tensor } from '../../src/tensor/index.js';
import { assertClose, checkGradient } from './loss-check.js';
import { classWeight, logits } from './fixtures.js';

const t = [1, 2, 3];
const weight = classWeight;
const probs = [
  [0.1, 0.6, 0.2, 0.1],
  [0.0, 0.0, 1.0, 0.0],
  [0.25, 0.25, 0.25, 0.25],
];
const logSoftmax = (rows: number[][]): number[][] =>
  rows.map((r) => Array.from(softmax(r).data, Math.log));
import { checkTorchCases } from './torch-fixture.js';

test('every reduction and its gradient match torch.nn.functional on the generated cases', () => {
  checkTorchCases('CrossEntropyLoss');
});

test('cross-entropy of logits is the NLL loss of their log-softmax', () => {
  assertClose(crossEntropyLoss(logits, t), nllLoss(logSoftmax(logits), t), 1e-14);
  const o = { weight, ignoreIndex: 3 };
  assertClose(crossEntropyLoss(logits, t, o), nllLoss(logSoftmax(logits), t, o), 1e-14);
});

test('one-hot probability targets equal index targets without weights', () => {
  const oneHot = t.map((k) => [0, 1, 2, 3].map((c) => (c === k ? 1 : 0)));
  assertClose(crossEntropyLoss(logits, oneHot), crossEntropyLoss(logits, t), 1e-15);
});

test('logits of 1000 give exact losses and gradients, no NaN', () => {
  assert.equal(crossEntropyLoss([[1000, 0, -1000]], [0]), 0);
  assert.equal(crossEntropyLoss([[1000, 0, -1000]], [2]), 2000);
  const loss = new CrossEntropyLoss();
  loss.forward([[1000, 1000, -1000]], [0]);
  assert.deepEqual(loss.backward().toArray(), [[-0.5, 0.5, 0]]);
});

test('when every row is ignored the mean is NaN and the gradient is 0', () => {
  assert.ok(Number.isNaN(crossEntropyLoss(logits, [-100, -100, -100])));
  assert.ok(Number.isNaN(crossEntropyLoss(logits, [-100, -100, -100], { labelSmoothing: 0.1 })));
  const loss = new CrossEntropyLoss({ labelSmoothing: 0.1 });
  loss.forward(logits, [-100, -100, -100]);
  assert.ok(Array.from(loss.backward().data).every((v) => v === 0));
});

test('a single row (C) takes a number and gives a 0-d tensor for none', () => {
  const none = crossEntropyLoss(logits[0], 3, { reduction: 'none' });
  assert.deepEqual(none.shape, []);
  assertClose(none.item(), crossEntropyLoss([logits[0]], [3]), 1e-15);
});

test('the mean gradient is (softmax(x) − onehot(t)) / N, the book’s SoftmaxWithLoss backward', () => {
  const loss = new CrossEntropyLoss();
  loss.forward(logits, t);
  const y = softmax(logits).toArray() as number[][];
  const expected = y.map((row, n) => row.map((v, c) => (v - (c === t[n] ? 1 : 0)) / 3));
  assertClose(loss.backward(), expected, 1e-14);
});

test('backward matches the numerical gradient for mean, sum and none, for every target kind and option', () => {
  const x = randn([4, 5], createRng(3)).toArray();
  const w5 = [0.5, 2.0, 1.0, 1.5, 0.8];
  checkGradient((reduction) => new CrossEntropyLoss({ reduction }), x, [0, 4, 2, 2]);
  checkGradient(
    (reduction) =>
      new CrossEntropyLoss({ reduction, weight: w5, ignoreIndex: 4, labelSmoothing: 0.15 }),
    x,
    [0, 4, 2, 1],
  );
  const soft = softmax(randn([4, 5], createRng(4))).toArray();
  checkGradient(
    (reduction) => new CrossEntropyLoss({ reduction, weight: w5, labelSmoothing: 0.2 }),
    x,
    soft,
  );
});

test('bad options and targets are rejected with what was found', () => {
  assert.throws(
    () => crossEntropyLoss(logits, t, { labelSmoothing: 1.5 }),
    /crossEntropyLoss: options\.labelSmoothing: expected a number in \[0, 1\], found 1\.5/,
  );
  assert.throws(
    () => crossEntropyLoss(logits, probs, { ignoreIndex: 0 }),
    /options\.ignoreIndex: expected a negative value with probability targets, found 0/,
  );
  assert.throws(
    () => crossEntropyLoss(logits, [1, 2, 4]),
    /crossEntropyLoss: target\[2\]: expected a class index in 0\.\.3 or ignoreIndex -100, found 4/,
  );
  assert.throws(
    () => crossEntropyLoss(logits, [[1, 0]]),
    /target: expected 3 class indices \(3,\) or one-hot rows \(3, 4\), found shape \(1, 2\)/,
  );
  assert.throws(
    () => new CrossEntropyLoss({ weight: [1, 2, 3] }).forward(logits, t),
    /CrossEntropyLoss\.forward: options\.weight: expected one weight per class, shape \(4,\), found \(3,\)/,
  );
});

test('the class fits the LossLayer contract of src/layers, so a network can end in it', () => {
  const layer: LossLayer = new CrossEntropyLoss();
  assertClose(layer.forward(tensor(logits), new Int32Array(t)), crossEntropyLoss(logits, t), 1e-15);
  assert.deepEqual(layer.backward().shape, [3, 4]);
});
