import { test } from 'node:test';
import assert from 'node:assert/strict';
import { L1Loss } from '../../src/losses/l1-loss.js';
import { checkGradient } from './loss-check.js';
import { away, x, y } from './fixtures.js';
import { checkTorchCases } from './torch-fixture.js';

test('every reduction and its gradient match torch.nn.functional on the generated cases', () => {
  checkTorchCases('L1Loss');
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
