import { test } from 'node:test';
import assert from 'node:assert/strict';
import { huberLoss, HuberLoss } from '../../src/losses/huber-loss.js';
import { smoothL1Loss } from '../../src/losses/smooth-l1-loss.js';
import { assertClose, checkGradient } from './loss-check.js';
import { away, x, y } from './fixtures.js';
import { checkTorchCases } from './torch-fixture.js';

test('every reduction and its gradient match torch.nn.functional on the generated cases', () => {
  checkTorchCases('HuberLoss');
});

test('Huber(δ) equals δ·SmoothL1(β = δ)', () => {
  assertClose(huberLoss(x, y, { delta: 0.5 }), 0.5 * smoothL1Loss(x, y, { beta: 0.5 }));
});

test('the gradient is clamp(x − y, −δ, δ)', () => {
  const loss = new HuberLoss({ delta: 0.5, reduction: 'sum' });
  loss.forward(x, y);
  assertClose(loss.backward(), [-0.5, -0.19999999999999996, 0.5, 0.5, 0, -0.5]);
});

test('backward matches the numerical gradient for mean, sum and none, also with delta 0.5', () => {
  checkGradient((reduction) => new HuberLoss({ reduction }), away, y);
  checkGradient((reduction) => new HuberLoss({ reduction, delta: 0.5 }), away, y);
});

test('delta must be a finite number > 0', () => {
  for (const delta of [0, -1, Number.NaN, Infinity]) {
    assert.throws(
      () => new HuberLoss({ delta }),
      new RegExp(`HuberLoss: options\\.delta: expected a finite number > 0, found ${delta}`),
    );
  }
  assert.throws(() => huberLoss(x, y, { delta: 0 }), /^LossInputError: huberLoss: options\.delta/);
});
