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

test('every reduction matches −[y·log σ(x) + (1 − y)·log(1 − σ(x))]', () => {
  assertClose(
    bceWithLogitsLoss(x, y, { reduction: 'none' }),
    [
      0.26328246733803135, 0.47407698418010663, 0.04858735157374191, 0.12692801104297252,
      0.744396660073571, 0.40318604888545784,
    ],
  );
  assertClose(bceWithLogitsLoss(x, y, { reduction: 'sum' }), 2.060457523093881);
  assertClose(bceWithLogitsLoss(x, y), 0.3434095871823135);
});

test('weight and posWeight broadcast over the rows: −w[p·y·log σ + (1 − y)·log(1 − σ)]', () => {
  const o = { weight, posWeight };
  assertClose(
    bceWithLogitsLoss(x, y, { ...o, reduction: 'none' }),
    [
      0.26328246733803135, 0.9481539683602133, 0.07288102736061286, 0.06346400552148626,
      1.488793320147142, 0.6047790733281868,
    ],
  );
  assertClose(bceWithLogitsLoss(x, y, { ...o, reduction: 'sum' }), 3.4413538620556725);
  assertClose(bceWithLogitsLoss(x, y, o), 0.5735589770092787);
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
