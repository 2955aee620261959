import { test } from 'node:test';
import assert from 'node:assert/strict';
import { elementwiseTerms } from '../../src/losses/elementwise.js';
import { readLossData } from '../../src/losses/loss-data.js';

test('values and gradient apply the element formula and its slope, times the upstream weights', () => {
  const x = readLossData('f', 'input', [
    [1, 2],
    [3, 5],
  ]);
  const terms = elementwiseTerms(
    'f',
    x,
    [
      [0, 0],
      [1, 1],
    ],
    (a, b) => (a - b) ** 2,
    (a, b) => 2 * (a - b),
  );
  assert.deepEqual(Array.from(terms.values), [1, 4, 4, 16]);
  assert.deepEqual(terms.shape, [2, 2]);
  assert.equal(terms.denominator, 4);
  assert.deepEqual(Array.from(terms.gradient(Float64Array.of(1, 0.5, 2, -1))), [2, 2, 8, -8]);
});

test('the element index is passed so a loss can read per-element weights', () => {
  const w = [10, 20];
  const terms = elementwiseTerms(
    'f',
    readLossData('f', 'input', [1, 1]),
    [0, 0],
    (a, b, i) => w[i] * (a - b),
    (_a, _b, i) => w[i],
  );
  assert.deepEqual(Array.from(terms.values), [10, 20]);
  assert.deepEqual(Array.from(terms.gradient(Float64Array.of(1, 1))), [10, 20]);
});

test('a target of another shape is rejected with both shapes', () => {
  assert.throws(
    () =>
      elementwiseTerms(
        'mseLoss',
        readLossData('mseLoss', 'input', [1, 2]),
        [1, 2, 3],
        () => 0,
        () => 0,
      ),
    /mseLoss: target: expected the input's shape \(2,\), found \(3,\)/,
  );
});
