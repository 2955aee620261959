import { test } from 'node:test';
import assert from 'node:assert/strict';
import { multiMarginLoss, MultiMarginLoss } from '../../src/losses/multi-margin-loss.js';
import { assertClose, checkGradient } from './loss-check.js';
import { classWeight, logits as x } from './fixtures.js';

const t = [3, 0, 2];
const weight = classWeight;

test('p 1 and margin 1 (the defaults) match Σ max(0, 1 − x[y] + x[i]) / C', () => {
  assertClose(multiMarginLoss(x, t, { reduction: 'none' }), [2.375, 1.3, 0.525]);
  assertClose(multiMarginLoss(x, t, { reduction: 'sum' }), 4.2);
  assertClose(multiMarginLoss(x, t), 1.4000000000000001);
});

test('p 2 squares each hinge', () => {
  assertClose(
    multiMarginLoss(x, t, { p: 2, reduction: 'none' }),
    [7.8125, 2.9750000000000005, 0.6525],
  );
  assertClose(multiMarginLoss(x, t, { p: 2, reduction: 'sum' }), 11.440000000000001);
  assertClose(multiMarginLoss(x, t, { p: 2 }), 3.813333333333334);
});

test('the weight of the true class multiplies after the power, with another margin', () => {
  const o = { p: 2, margin: 0.6, weight } as const;
  assertClose(
    multiMarginLoss(x, t, { ...o, reduction: 'none' }),
    [9.04875, 1.0275, 0.31250000000000006],
  );
  assertClose(multiMarginLoss(x, t, { ...o, reduction: 'sum' }), 10.38875);
  assertClose(multiMarginLoss(x, t, o), 3.4629166666666666);
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
