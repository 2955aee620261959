import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bceLoss, BCELoss } from '../../src/losses/bce-loss.js';
import { LossInputError } from '../../src/losses/loss-error.js';
import { assertClose, checkGradient } from './loss-check.js';

const x = [
  [0.9, 0.2, 0.6],
  [0.3, 0.7, 0.5],
];
const y = [
  [1, 0, 1],
  [0, 0, 1],
];
const weight = [0.5, 2.0, 1.5];

test('every reduction matches −[y·log x + (1 − y)·log(1 − x)]', () => {
  assertClose(
    bceLoss(x, y, { reduction: 'none' }),
    [
      0.10536051565782628, 0.22314355131420976, 0.5108256237659907, 0.35667494393873234,
      1.203972804325936, 0.6931471805599453,
    ],
  );
  assertClose(bceLoss(x, y, { reduction: 'sum' }), 3.0931246195626403);
  assertClose(bceLoss(x, y), 0.5155207699271067);
});

test('a per-class weight broadcasts over the rows and the mean still divides by the element count', () => {
  assertClose(
    bceLoss(x, y, { weight, reduction: 'none' }),
    [
      0.05268025782891314, 0.44628710262841953, 0.7662384356489861, 0.17833747196936617,
      2.407945608651872, 1.0397207708399179,
    ],
  );
  assertClose(bceLoss(x, y, { weight, reduction: 'sum' }), 4.891209647567475);
  assertClose(bceLoss(x, y, { weight }), 0.8152016079279125);
  assert.throws(
    () => bceLoss(x, y, { weight: [1, 2] }),
    /bceLoss: options\.weight: expected a shape that broadcasts to \(2, 3\), found \(2,\)/,
  );
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
