import { test } from 'node:test';
import assert from 'node:assert/strict';
import { multiMarginLoss, MultiMarginLoss } from '../../src/losses/multi-margin-loss.js';
import { assertClose, checkGradient } from './loss-check.js';
import { classWeight, logits as x } from './fixtures.js';

const t = [3, 0, 2];
const weight = classWeight;
import { checkTorchCases } from './torch-fixture.js';

test('every reduction and its gradient match torch.nn.functional on the generated cases', () => {
  checkTorchCases('MultiMarginLoss');
});

test('a single row (C) takes a number and gives a 0-d tensor for none', () => {
  const none = multiMarginLoss(x[0], 0, { reduction: 'none' });
  assert.deepEqual(none.shape, []);
  assertClose(none.item(), 0.625);
});

test('backward matches the numerical gradient for mean, sum and none, for p 1 and p 2 with weight', () => {
  checkGradient((reduction) => new MultiMarginLoss({ reduction }), x, t);
  checkGradient((reduction) => new MultiMarginLoss({ reduction, p: 2, margin: 0.7, weight }), x, t);
});

test('p other than 1 or 2, a wrong label and a wrong weight are rejected', () => {
  // @ts-expect-error: p is 1 or 2
  const p3 = (): unknown => new MultiMarginLoss({ p: 3 });
  assert.throws(p3, /MultiMarginLoss: options\.p: expected 1 or 2, found 3/);
  assert.throws(
    () => multiMarginLoss(x, [3, 0, 4]),
    /multiMarginLoss: target\[2\]: expected a class index in 0\.\.3, found 4/,
  );
  assert.throws(
    () => multiMarginLoss(x, t, { weight: [1] }),
    /options\.weight: expected one weight per class, shape \(4,\), found \(1,\)/,
  );
  assert.throws(
    () => multiMarginLoss(x, t, { margin: Infinity }),
    /options\.margin: expected a finite number, found Infinity/,
  );
});
