import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LossInputError } from '../../src/losses/loss-error.js';

test('the message reads where: what: expected …, found …, and where is kept', () => {
  const e = new LossInputError('MSELoss.forward', 'target', "the input's shape (2,)", '(3,)');
  assert.ok(e instanceof Error);
  assert.equal(e.name, 'LossInputError');
  assert.equal(e.where, 'MSELoss.forward');
  assert.equal(e.message, "MSELoss.forward: target: expected the input's shape (2,), found (3,)");
});
