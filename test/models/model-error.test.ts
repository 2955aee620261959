import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSize, ModelError } from '../../src/models/model-error.js';

test('checkSize returns a positive integer and throws a ModelError for anything else', () => {
  assert.equal(checkSize('Net', 'inputSize', 784), 784);
  for (const bad of [0, -3, 1.5, Number.NaN, Infinity]) {
    assert.throws(
      () => checkSize('Net', 'inputSize', bad),
      (e: unknown) =>
        e instanceof ModelError &&
        e.message === `Net: inputSize must be a positive integer, got ${String(bad)}`,
    );
  }
});
