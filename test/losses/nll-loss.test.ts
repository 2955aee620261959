import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nllLoss, NLLLoss } from '../../src/losses/nll-loss.js';
import { tensor } from '../../src/tensor/index.js';
import { assertClose, checkGradient } from './loss-check.js';
import { classWeight } from './fixtures.js';

// log_softmax of three rows of logits, from NumPy.
const logp = [
  [-1.495181898085856, -0.49518189808585605, -1.995181898085856, -3.495181898085856],
  [-2.3530848455065247, -2.8530848455065247, -0.45308484550652445, -1.5530848455065245],
  [-3.143753918874558, -1.643753918874558, -1.243753918874558, -0.743753918874558],
];
const t = [1, 2, 3];
const weight = classWeight;

test('every reduction picks −x[n, tₙ]', () => {
  assertClose(
    nllLoss(logp, t, { reduction: 'none' }),
    [0.49518189808585605, 0.45308484550652445, 0.743753918874558],
  );
  assertClose(nllLoss(logp, t, { reduction: 'sum' }), 1.6920206624669385);
  assertClose(nllLoss(logp, t), 0.5640068874889795);
});

test('with weights the mean divides by Σ w[tₙ], not by N', () => {
  assertClose(
    nllLoss(logp, t, { weight, reduction: 'none' }),
    [0.9903637961717121, 0.45308484550652445, 1.115630878311837],
  );
  assertClose(nllLoss(logp, t, { weight, reduction: 'sum' }), 2.5590795199900738);
  assertClose(nllLoss(logp, t, { weight }), 0.5686843377755719);
});

test('ignored rows give 0 and leave the denominator', () => {
  const o = { weight, ignoreIndex: 3 };
  assertClose(
    nllLoss(logp, t, { ...o, reduction: 'none' }),
    [0.9903637961717121, 0.45308484550652445, 0],
  );
  assertClose(nllLoss(logp, t, o), 0.4811495472260789);
  assertClose(
    nllLoss(logp, [1, -100, 3], { reduction: 'sum' }),
    0.49518189808585605 + 0.743753918874558,
  );
});

test('when every row is ignored the mean is NaN (0/0, as PyTorch) and the gradient is 0', () => {
  assert.ok(Number.isNaN(nllLoss(logp, [-100, -100, -100])));
  assert.equal(nllLoss(logp, [-100, -100, -100], { reduction: 'sum' }), 0);
  const loss = new NLLLoss();
  loss.forward(logp, [-100, -100, -100]);
  assert.deepEqual(Array.from(loss.backward().data), new Array(12).fill(0));
});

test('a single row (C) takes a number and gives a 0-d tensor for none', () => {
  const none = nllLoss(logp[0], 3, { reduction: 'none' });
  assert.deepEqual(none.shape, []);
  assert.equal(none.item(), 3.495181898085856);
});

test('one-hot labels give the same loss as indices', () => {
  const oneHot = t.map((k) => [0, 1, 2, 3].map((c) => (c === k ? 1 : 0)));
  assert.equal(nllLoss(logp, oneHot, { weight }), nllLoss(logp, new Int32Array(t), { weight }));
});

test('backward matches the numerical gradient for mean, sum and none, with weight and ignored rows', () => {
  checkGradient((reduction) => new NLLLoss({ reduction }), logp, t);
  checkGradient((reduction) => new NLLLoss({ reduction, weight, ignoreIndex: 3 }), logp, t);
  checkGradient((reduction) => new NLLLoss({ reduction }), logp[1], 2);
});

test('bad labels, weights, shapes and ignoreIndex are rejected with what was found', () => {
  assert.throws(
    () => nllLoss(logp, [1, 2, 4]),
    /nllLoss: target\[2\]: expected a class index in 0\.\.3 or ignoreIndex -100, found 4/,
  );
  assert.throws(() => nllLoss(logp, [1, 2]), /nllLoss: target: expected 3 class indices/);
  assert.throws(
    () => nllLoss(logp, t, { weight: [1, 2] }),
    /nllLoss: options\.weight: expected one weight per class, shape \(4,\), found \(2,\)/,
  );
  assert.throws(
    () => nllLoss(tensor([[[0]]]), [0]),
    /nllLoss: input: expected class scores of shape \(C\) or \(N, C\), found \(1, 1, 1\)/,
  );
  assert.throws(
    () => new NLLLoss({ ignoreIndex: 0.5 }),
    /NLLLoss: options\.ignoreIndex: expected an integer, found 0\.5/,
  );
});
