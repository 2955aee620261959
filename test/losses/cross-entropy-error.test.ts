import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crossEntropyError } from '../../src/losses/cross-entropy-error.js';
import { tensor } from '../../src/tensor/index.js';

const t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0];
const y1 = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0];
const y2 = [0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0];

test('the book examples give exactly −log(0.6 + 1e-7) and −log(0.1 + 1e-7) as NumPy prints them', () => {
  assert.equal(crossEntropyError(y1, t), 0.510825457099338);
  assert.equal(crossEntropyError(y2, t), 2.302584092994546);
});

test('one-hot and index labels give the same number, for a 1-D row and a batch', () => {
  assert.equal(crossEntropyError(y1, 2), 0.510825457099338);
  assert.equal(crossEntropyError(y1, [2]), 0.510825457099338);
  assert.equal(crossEntropyError(tensor(y2), new Int32Array([2])), 2.302584092994546);
  // NumPy: -np.sum(np.log(y[np.arange(2), [2, 2]] + 1e-7)) / 2
  assert.equal(crossEntropyError([y1, y2], [t, t]), 1.406704775046942);
  assert.equal(crossEntropyError([y1, y2], [2, 2]), 1.406704775046942);
});

test('a zero probability on the answer gives −log 1e-7 instead of infinity', () => {
  assert.equal(crossEntropyError([1, 0], [0, 1]), -Math.log(1e-7));
});

test('labels that do not fit the batch and a 3-D y are rejected', () => {
  assert.throws(
    () => crossEntropyError([y1, y2], [2]),
    /crossEntropyError: t: expected 2 class indices/,
  );
  assert.throws(
    () => crossEntropyError(y1, 10),
    /t\[0\]: expected a class index in 0\.\.9, found 10/,
  );
  assert.throws(
    () => crossEntropyError([[[0.5, 0.5]]], [0]),
    /crossEntropyError: y: expected probabilities of shape \(C\) or \(N, C\), found \(1, 1, 2\)/,
  );
});
