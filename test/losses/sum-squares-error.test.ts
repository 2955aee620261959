import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LossInputError } from '../../src/losses/loss-error.js';
import { sumSquaresError } from '../../src/losses/sum-squares-error.js';
import { tensor } from '../../src/tensor/index.js';

// Book §4.2.1: the answer is class 2; y1 puts 0.6 on it, y2 puts 0.6 on class 7.
const t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0];
const y1 = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0];
const y2 = [0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0];

test('the book examples give exactly the float64 NumPy prints: 0.09750000000000003 and 0.5975', () => {
  assert.equal(sumSquaresError(y1, t), 0.09750000000000003);
  assert.equal(sumSquaresError(y2, t), 0.5975);
  assert.equal(sumSquaresError(tensor(y2), tensor(t)), 0.5975);
});

test('a batch is summed over every element, with no mean', () => {
  assert.equal(sumSquaresError([y1, y2], [t, t]), 0.5 * (0.195 + 1.195));
  assert.equal(sumSquaresError([[1, 2]], [[0, 0]]), 2.5);
});

test('y and t of different shapes are rejected with both shapes', () => {
  assert.throws(
    () => sumSquaresError([0.5, 0.5], [1, 0, 0]),
    (e: unknown) =>
      e instanceof LossInputError &&
      /sumSquaresError: t: expected the input's shape \(2,\), found \(3,\)/.test(e.message),
  );
});
