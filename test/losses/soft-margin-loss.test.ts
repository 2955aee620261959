import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bceWithLogitsLoss } from '../../src/losses/bce-with-logits-loss.js';
import { softMarginLoss, SoftMarginLoss } from '../../src/losses/soft-margin-loss.js';
import { assertClose, checkGradient } from './loss-check.js';

const x = [
  [0.5, -1.2, 2.0],
  [1.5, 0.3, -0.7],
];
const y = [
  [1, -1, 1],
  [-1, 1, -1],
];
import { checkTorchCases } from './torch-fixture.js';

test('every reduction and its gradient match torch.nn.functional on the generated cases', () => {
  checkTorchCases('SoftMarginLoss');
});

test('it is BCE with logits once the labels ±1 are mapped to 1 and 0', () => {
  const y01 = y.map((row) => row.map((v) => (v + 1) / 2));
  assertClose(softMarginLoss(x, y), bceWithLogitsLoss(x, y01), 1e-14);
});

test('logits of ±1000 give finite values: 1000 when wrong, 0 when right', () => {
  assert.deepEqual(
    softMarginLoss([-1000, 1000, 1000], [1, 1, -1], { reduction: 'none' }).toArray(),
    [1000, 0, 1000],
  );
  const loss = new SoftMarginLoss({ reduction: 'sum' });
  loss.forward([-1000, 1000], [1, 1]);
  assert.deepEqual(loss.backward().toArray(), [-1, -0]);
});

test('backward matches the numerical gradient for mean, sum and none', () => {
  checkGradient((reduction) => new SoftMarginLoss({ reduction }), x, y);
});
