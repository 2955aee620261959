import { test } from 'node:test';
import assert from 'node:assert/strict';
import { l1Loss } from '../../src/losses/l1-loss.js';
import { smoothL1Loss, SmoothL1Loss } from '../../src/losses/smooth-l1-loss.js';
import { checkGradient } from './loss-check.js';
import { away, x, y } from './fixtures.js';
import { checkTorchCases } from './torch-fixture.js';

test('every reduction and its gradient match torch.nn.functional on the generated cases', () => {
  checkTorchCases('SmoothL1Loss');
});

test('beta 0 is exactly L1, gradient included (0 where x equals y)', () => {
  assert.equal(smoothL1Loss(x, y, { beta: 0 }), l1Loss(x, y));
  const loss = new SmoothL1Loss({ beta: 0, reduction: 'sum' });
  loss.forward(x, y);
  assert.deepEqual(loss.backward().toArray(), [
    [-1, -1, 1],
    [1, 0, -1],
  ]);
});

test('backward matches the numerical gradient for mean, sum and none, for beta 1, 0.5 and 0', () => {
  checkGradient((reduction) => new SmoothL1Loss({ reduction }), away, y);
  checkGradient((reduction) => new SmoothL1Loss({ reduction, beta: 0.5 }), away, y);
  checkGradient((reduction) => new SmoothL1Loss({ reduction, beta: 0 }), away, y);
});

test('beta must be a finite number ≥ 0', () => {
  assert.throws(
    () => smoothL1Loss(x, y, { beta: -0.1 }),
    /smoothL1Loss: options\.beta: expected a finite number ≥ 0, found -0\.1/,
  );
  assert.throws(
    () => new SmoothL1Loss({ beta: Number.NaN }),
    /SmoothL1Loss: options\.beta: .* found NaN/,
  );
});
