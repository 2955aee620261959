import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logSigmoid, sigmoid, softplus } from '../../src/losses/logistic.js';

test('sigmoid, logSigmoid and softplus agree with their definitions at moderate inputs', () => {
  for (const z of [-3, -0.5, 0, 0.7, 4]) {
    const s = 1 / (1 + Math.exp(-z));
    assert.ok(Math.abs(sigmoid(z) - s) <= 1e-15);
    assert.ok(Math.abs(logSigmoid(z) - Math.log(s)) <= 1e-15);
    assert.ok(Math.abs(softplus(z) - Math.log1p(Math.exp(z))) <= 1e-14);
  }
});

test('extreme inputs stay finite where the naive formulas give 0, −∞ or ∞', () => {
  assert.equal(logSigmoid(-1000), -1000);
  assert.equal(softplus(1000), 1000);
  assert.equal(softplus(-1000), 0);
  assert.equal(sigmoid(-1000), 0);
  assert.equal(sigmoid(1000), 1);
  assert.equal(Math.log(1 / (1 + Math.exp(1000))), -Infinity);
});
