import { test } from 'node:test';
import assert from 'node:assert/strict';
import { huberLoss, HuberLoss } from '../../src/losses/huber-loss.js';
import { smoothL1Loss } from '../../src/losses/smooth-l1-loss.js';
import { assertClose, checkGradient } from './loss-check.js';
import { away, x, y } from './fixtures.js';

test('delta 1 (the default) matches the piecewise formula for every reduction', () => {
  assertClose(
    huberLoss(x, y, { reduction: 'none' }),
    [0.125, 0.01999999999999999, 1.0, 1.0, 0.0, 0.6000000000000001],
  );
  assertClose(huberLoss(x, y, { reduction: 'sum' }), 2.745);
  assertClose(huberLoss(x, y), 0.4575);
});

test('delta 0.5 moves the switch to |d| = 0.5', () => {
  const o = { delta: 0.5 };
  assertClose(
    huberLoss(x, y, { ...o, reduction: 'none' }),
    [0.125, 0.01999999999999999, 0.625, 0.625, 0.0, 0.42500000000000004],
  );
  assertClose(huberLoss(x, y, { ...o, reduction: 'sum' }), 1.82);
  assertClose(huberLoss(x, y, o), 0.30333333333333334);
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
