import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LayerError } from '../../src/layers/layer-error.js';

test('a LayerError is an Error with its own name, so messages read "LayerError: …"', () => {
  const e = new LayerError('Affine: W must be 2-D');
  assert.ok(e instanceof Error);
  assert.equal(e.name, 'LayerError');
  assert.equal(String(e), 'LayerError: Affine: W must be 2-D');
});
