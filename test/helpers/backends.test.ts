import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getBackend } from '../../src/backend/registry.js';
import { add, tensor } from '../../src/tensor/index.js';
import { BACKENDS, forEachBackend } from './backends.js';

const seen: string[] = [];

forEachBackend((name) => {
  // Made while the body registers its tests: it must live on the backend of this copy.
  const early = tensor([1, 2]);
  test('the named backend is active while the tests run, and for tensors made at the top', () => {
    seen.push(name);
    assert.equal(getBackend().name, name);
    assert.deepEqual(add(early, 3).toArray(), [4, 5]);
  });
});

test('every backend ran the body, and the default backend is back afterwards', () => {
  assert.deepEqual(
    seen,
    BACKENDS.map((b) => b.name),
  );
  assert.equal(getBackend().name, 'js');
});
