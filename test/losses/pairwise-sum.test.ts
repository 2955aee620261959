import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairwiseSum } from '../../src/losses/pairwise-sum.js';

test('ten numbers are added in NumPy order, which differs from left to right', () => {
  // (y2 − t)² of the book's second §4.2.1 example, as sumSquaresError forms it.
  const y2 = [0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0];
  const t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0];
  const sq = y2.map((v, i) => (v - t[i]) * (v - t[i]));
  assert.equal(0.5 * pairwiseSum(sq), 0.5975);
  assert.equal(0.5 * sq.reduce((a, b) => a + b, 0), 0.5974999999999999);
});

test('a thousand copies of 0.1 sum to what np.sum gives (100.00000000000001)', () => {
  const a = new Float64Array(1000).fill(0.1);
  assert.equal(pairwiseSum(a), 100.00000000000001);
  assert.equal(
    a.reduce((s, v) => s + v, 0),
    99.9999999999986,
  );
});

test('short, empty and offset ranges are summed', () => {
  assert.equal(pairwiseSum([]), 0);
  assert.equal(pairwiseSum([1, 2, 3]), 6);
  assert.equal(pairwiseSum([1, 2, 3, 4, 5], 1, 3), 9);
  const big = Float64Array.from({ length: 300 }, (_, i) => i);
  assert.equal(pairwiseSum(big), (299 * 300) / 2);
});
