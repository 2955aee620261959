import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mseLoss, MSELoss } from '../../src/losses/mse-loss.js';
import { sumSquaresError } from '../../src/losses/sum-squares-error.js';
import { assertClose, checkGradient } from './loss-check.js';
import { x, y } from './fixtures.js';
import { checkTorchCases } from './torch-fixture.js';

test('every reduction and its gradient match torch.nn.functional on the generated cases', () => {
  checkTorchCases('MSELoss');
});

test('MSE is twice the book sum of squares divided by the element count', () => {
  assertClose(mseLoss(x, y), (2 * sumSquaresError(x, y)) / 6);
});

test('backward is 2(x − y)/numel for mean', () => {
  const loss = new MSELoss();
  loss.forward(x, y);
  assertClose(loss.backward(), [-1 / 6, -0.4 / 6, 3 / 6, 3 / 6, 0, -2.2 / 6], 1e-12);
});

test('backward matches the numerical gradient for mean, sum and none', () => {
  checkGradient((reduction) => new MSELoss({ reduction }), x, y);
});

test('a target of another shape is rejected instead of broadcast', () => {
  assert.throws(
    () => mseLoss(x, [1, 2, 3]),
    /mseLoss: target: expected the input's shape \(2, 3\), found \(3,\)/,
  );
});
