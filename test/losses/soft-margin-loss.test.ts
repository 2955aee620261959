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

test('every reduction matches log(1 + exp(−y·x)) evaluated in NumPy', () => {
  assertClose(
    softMarginLoss(x, y, { reduction: 'none' }),
    [
      0.4740769841801067, 0.2632824673380312, 0.1269280110429725, 1.7014132779827524,
      0.5543552444685271, 0.4031860488854579,
    ],
  );
  assertClose(softMarginLoss(x, y, { reduction: 'sum' }), 3.5232420338978474);
  assertClose(softMarginLoss(x, y), 0.5872070056496412);
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
