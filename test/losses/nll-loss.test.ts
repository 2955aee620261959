import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nllLoss, NLLLoss } from '../../src/losses/nll-loss.js';
import { tensor } from '../../src/tensor/index.js';
import { checkGradient } from './loss-check.js';
import { classWeight } from './fixtures.js';
import { checkTorchCases, torchFixture } from './torch-fixture.js';

// log_softmax of three rows of logits, as torch computed it for the generated cases.
const logp = torchFixture.cases.find((c) => c.loss === 'NLLLoss')?.input as number[][];
const t = [1, 2, 3];
const weight = classWeight;

test('every reduction and its gradient match torch.nn.functional on the generated cases', () => {
  checkTorchCases('NLLLoss');
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
  assert.equal(none.item(), -logp[0][3]);
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
