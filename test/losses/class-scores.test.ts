import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classScores, classWeight } from '../../src/losses/class-scores.js';
import { readLossData } from '../../src/losses/loss-data.js';
import { LossInputError } from '../../src/losses/loss-error.js';

const scores = (v: number[] | number[][] | number[][][]) => readLossData('f', 'input', v);

test('a (C) input is one row with a 0-d output, an (N, C) input N rows with an (N) output', () => {
  assert.deepEqual(classScores('f', scores([0, 1, 2])), { rows: 1, classes: 3, outShape: [] });
  assert.deepEqual(
    classScores(
      'f',
      scores([
        [0, 1],
        [2, 3],
        [4, 5],
      ]),
    ),
    {
      rows: 3,
      classes: 2,
      outShape: [3],
    },
  );
});

test('scores of another rank are rejected naming the shape', () => {
  assert.throws(
    () => classScores('nllLoss', scores([[[1]]])),
    (e: unknown) =>
      e instanceof LossInputError &&
      e.message === 'nllLoss: input: expected class scores of shape (C) or (N, C), found (1, 1, 1)',
  );
});

test('classWeight gives one float64 weight per class, or undefined when absent', () => {
  assert.equal(classWeight('f', undefined, 3), undefined);
  assert.deepEqual(classWeight('f', [1, 3], 2), Float64Array.of(1, 3));
  assert.throws(
    () => classWeight('nllLoss', [1, 2, 3], 2),
    /nllLoss: options.weight: expected one weight per class, shape \(2,\), found \(3,\)/,
  );
});
