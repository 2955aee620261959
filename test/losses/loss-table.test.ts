import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as losses from '../../src/losses/index.js';
import * as gradlab from '../../src/index.js';

const { LOSSES, LOSS_NAMES } = losses;

test('each record is keyed by its class name, with the function form of the same loss', () => {
  for (const name of LOSS_NAMES) {
    const { class: cls, fn, label } = LOSSES[name];
    assert.equal(cls.name, name);
    assert.equal(fn.name.toLowerCase(), name.toLowerCase()); // mseLoss for MSELoss
    assert.ok(label.length > 0 && label.length <= 60, `${name}: label '${label}'`);
  }
});

test('every PyTorch loss class the barrel exports is in the table, and the public entry exports the table', () => {
  const classes = Object.entries(losses)
    .filter(([k, v]) => /^[A-Z]\w*Loss$/.test(k) && typeof v === 'function' && k !== 'Loss')
    .map(([k]) => k)
    .sort();
  assert.deepEqual(classes, [...LOSS_NAMES].sort());
  assert.equal(gradlab.LOSSES, LOSSES);
  for (const name of LOSS_NAMES) assert.equal(gradlab[name], LOSSES[name].class, name);
});

test("MSELoss from the table computes PyTorch's mean of squares", () => {
  const mse = new LOSSES.MSELoss.class();
  assert.equal(mse.forward(gradlab.tensor([1, 3]), gradlab.tensor([0, 0])), 5);
});
