import { test } from 'node:test';
import assert from 'node:assert/strict';
import { l1Loss, L1Loss } from '../../src/losses/l1-loss.js';
import { assertClose, checkGradient } from './loss-check.js';
import { away, x, y } from './fixtures.js';

test('every reduction matches |x − y| evaluated in NumPy', () => {
  assertClose(l1Loss(x, y, { reduction: 'none' }), [0.5, 0.19999999999999996, 1.5, 1.5, 0.0, 1.1]);
  assertClose(l1Loss(x, y, { reduction: 'sum' }), 4.800000000000001);
  assertClose(l1Loss(x, y), 0.8000000000000002);
});

test('the gradient is sign(x − y)/numel, with 0 where x equals y', () => {
  const loss = new L1Loss();
  loss.forward(x, y);
  assert.deepEqual(loss.backward().toArray(), [
    [-1 / 6, -1 / 6, 1 / 6],
    [1 / 6, 0, -1 / 6],
  ]);
});

test('backward matches the numerical gradient for mean, sum and none', () => {
  checkGradient((reduction) => new L1Loss({ reduction }), away, y);
});
