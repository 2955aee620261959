import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bceLoss, BCELoss } from '../../src/losses/bce-loss.js';
import { LossInputError } from '../../src/losses/loss-error.js';
import { checkGradient } from './loss-check.js';

const x = [
  [0.9, 0.2, 0.6],
  [0.3, 0.7, 0.5],
];
const y = [
  [1, 0, 1],
  [0, 0, 1],
];
const weight = [0.5, 2.0, 1.5];
import { checkTorchCases } from './torch-fixture.js';

test('every reduction and its gradient match torch.nn.functional on the generated cases', () => {
  checkTorchCases('BCELoss');
});

test('inputs of exactly 0 and 1 are clamped: a wrong certainty costs 100, a right one 0', () => {
  assert.deepEqual(bceLoss([0, 1], [1, 0], { reduction: 'none' }).toArray(), [100, 100]);
  assert.equal(bceLoss([0, 1], [0, 1]), 0);
  const loss = new BCELoss({ reduction: 'sum' });
  loss.forward([0, 1], [1, 0]);
  assert.deepEqual(loss.backward().toArray(), [-1e12, 1e12]);
});

test('an input outside [0, 1] is an error naming the element', () => {
  assert.throws(
    () => bceLoss([0.5, 1.2], [1, 0]),
    (e: unknown) =>
      e instanceof LossInputError &&
      /bceLoss: input \(element 1\): expected a probability in \[0, 1\], found 1\.2/.test(
        e.message,
      ),
  );
  assert.throws(
    () => new BCELoss().forward([Number.NaN], [1]),
    /BCELoss\.forward: input \(element 0\): .* found NaN/,
  );
});

test('backward matches the numerical gradient for mean, sum and none, with and without weight', () => {
  checkGradient((reduction) => new BCELoss({ reduction }), x, y);
  checkGradient((reduction) => new BCELoss({ reduction, weight }), x, y);
});
