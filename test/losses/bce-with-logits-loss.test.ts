import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bceLoss } from '../../src/losses/bce-loss.js';
import { bceWithLogitsLoss, BCEWithLogitsLoss } from '../../src/losses/bce-with-logits-loss.js';
import { sigmoid } from '../../src/functions/activations.js';
import { assertClose, checkGradient } from './loss-check.js';

const x = [
  [1.2, -0.5, 3.0],
  [-2.0, 0.1, 0.7],
];
const y = [
  [1, 0, 1],
  [0, 0, 1],
];
const weight = [0.5, 2.0, 1.5];
const posWeight = [2.0, 0.5, 1.0];
import { checkTorchCases } from './torch-fixture.js';

test('every reduction and its gradient match torch.nn.functional on the generated cases', () => {
  checkTorchCases('BCEWithLogitsLoss');
});

test('it equals BCELoss on σ(x) where σ does not saturate', () => {
  assertClose(bceWithLogitsLoss(x, y), bceLoss(sigmoid(x), y), 1e-12);
});

test('logits of ±1000 give exact finite losses and gradients, no NaN', () => {
  assert.deepEqual(
    bceWithLogitsLoss([1000, -1000, 1000, -1000], [0, 1, 1, 0], { reduction: 'none' }).toArray(),
    [1000, 1000, 0, 0],
  );
  const loss = new BCEWithLogitsLoss({ reduction: 'sum' });
  loss.forward([1000, -1000], [0, 1]);
  assert.deepEqual(loss.backward().toArray(), [1, -1]);
});

test('the gradient is σ(x) − y without weights', () => {
  const loss = new BCEWithLogitsLoss({ reduction: 'sum' });
  loss.forward(x, y);
  const s = sigmoid(x).data;
  assertClose(
    loss.backward(),
    y.flat().map((t, i) => s[i] - t),
    1e-14,
  );
});

test('backward matches the numerical gradient for mean, sum and none, with and without weights', () => {
  checkGradient((reduction) => new BCEWithLogitsLoss({ reduction }), x, y);
  checkGradient((reduction) => new BCEWithLogitsLoss({ reduction, weight, posWeight }), x, y);
  const soft = [
    [0.3, 0.9, 0.5],
    [0.1, 0.6, 1],
  ];
  checkGradient((reduction) => new BCEWithLogitsLoss({ reduction, posWeight }), x, soft);
});

test('a posWeight that does not broadcast is rejected', () => {
  assert.throws(
    () => bceWithLogitsLoss(x, y, { posWeight: [1, 2] }),
    /bceWithLogitsLoss: options\.posWeight: expected a shape that broadcasts to \(2, 3\), found \(2,\)/,
  );
});
