import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFiniteAll, DivergenceError, firstNonFinite } from '../../src/train/divergence.js';
import { tensor } from '../../src/tensor/creation.js';

test('firstNonFinite finds NaN and ±Infinity and nothing else', () => {
  assert.equal(firstNonFinite(tensor([1, -2, 1e308])), undefined);
  assert.ok(Number.isNaN(firstNonFinite(tensor([1, Number.NaN]))));
  assert.equal(
    firstNonFinite(tensor([Number.NEGATIVE_INFINITY, Number.NaN])),
    Number.NEGATIVE_INFINITY,
  );
  assert.equal(
    firstNonFinite(tensor([0, Number.POSITIVE_INFINITY], { dtype: 'float32' })),
    Number.POSITIVE_INFINITY,
  );
});

test('the error names the iteration, the tensor and the learning rate and suggests a smaller rate', () => {
  assert.throws(
    () => checkFiniteAll({ W1: tensor([1]), b1: tensor([Number.NaN]) }, 'gradient', 12, 1e6),
    (e: unknown) =>
      e instanceof DivergenceError &&
      e.iteration === 12 &&
      e.tensorName === 'b1' &&
      e.message ===
        'training diverged at iteration 12: gradient b1 is NaN with learning rate 1000000; try a smaller learning rate (e.g. --lr 100000)',
  );
});
