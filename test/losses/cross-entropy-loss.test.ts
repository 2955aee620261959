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

test('index targets: every reduction is −log softmax(x)[tₙ]', () => {
  assertClose(
    crossEntropyLoss(logits, t, { reduction: 'none' }),
    [0.49518189808585605, 0.45308484550652445, 0.743753918874558],
  );
  assertClose(crossEntropyLoss(logits, t, { reduction: 'sum' }), 1.6920206624669385);
  assertClose(crossEntropyLoss(logits, t), 0.5640068874889795);
  assertClose(crossEntropyLoss(logits, t), nllLoss(logSoftmax(logits), t), 1e-14);
});

test('class weights give a weighted mean over Σ w[tₙ], and ignored rows leave it', () => {
  assertClose(
    crossEntropyLoss(logits, t, { weight, reduction: 'none' }),
    [0.9903637961717121, 0.45308484550652445, 1.115630878311837],
  );
  assertClose(crossEntropyLoss(logits, t, { weight, reduction: 'sum' }), 2.5590795199900738);
  assertClose(crossEntropyLoss(logits, t, { weight }), 0.5686843377755719);
  const o = { weight, ignoreIndex: 3 };
  assertClose(
    crossEntropyLoss(logits, t, { ...o, reduction: 'none' }),
    [0.9903637961717121, 0.45308484550652445, 0],
  );
  assertClose(crossEntropyLoss(logits, t, { ...o, reduction: 'sum' }), 1.4434486416782366);
  assertClose(crossEntropyLoss(logits, t, o), 0.4811495472260789);
});

test('label smoothing mixes in ε/C over all classes, with the weighted-mean denominator', () => {
  const eps = { labelSmoothing: 0.1 };
  assertClose(
    crossEntropyLoss(logits, t, { ...eps, reduction: 'none' }),
    [0.6326818980858561, 0.5880848455065245, 0.8387539188745581],
  );
  assertClose(crossEntropyLoss(logits, t, { ...eps, reduction: 'sum' }), 2.0595206624669387);
  assertClose(crossEntropyLoss(logits, t, eps), 0.6865068874889796);
  const o = { ...eps, weight, ignoreIndex: 3 };
  assertClose(
    crossEntropyLoss(logits, t, { ...o, reduction: 'none' }),
    [1.1157251538152728, 0.6494119666441875, 0],
  );
  assertClose(crossEntropyLoss(logits, t, { ...o, reduction: 'sum' }), 1.7651371204594604);
  assertClose(crossEntropyLoss(logits, t, o), 0.5883790401531535);
});

test('probability targets: −Σ w·y·log p per row, and the mean divides by N even with weights', () => {
  assertClose(
    crossEntropyLoss(logits, probs, { reduction: 'none' }),
    [1.1951818980858562, 0.45308484550652445, 1.693753918874558],
  );
  assertClose(crossEntropyLoss(logits, probs, { reduction: 'sum' }), 3.342020662466939);
  assertClose(crossEntropyLoss(logits, probs), 1.1140068874889797);
  assertClose(
    crossEntropyLoss(logits, probs, { weight, reduction: 'none' }),
    [1.5922910369373697, 0.45308484550652445, 1.8046923985931977],
  );
  assertClose(crossEntropyLoss(logits, probs, { weight }), 1.2833560936790307);
  const o = { weight, labelSmoothing: 0.2 };
  assertClose(
    crossEntropyLoss(logits, probs, { ...o, reduction: 'none' }),
    [1.7226283040713597, 0.8457390877818507, 1.8046923985931977],
  );
  assertClose(crossEntropyLoss(logits, probs, { ...o, reduction: 'sum' }), 4.373059790446408);
  assertClose(crossEntropyLoss(logits, probs, o), 1.4576865968154695);
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
  assertClose(none.item(), 3.495181898085856);
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
  assertClose(layer.forward(tensor(logits), new Int32Array(t)), 0.5640068874889795);
  assert.deepEqual(layer.backward().shape, [3, 4]);
});
