import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDout, noParams, required } from '../../src/layers/layer.js';
import { LayerError } from '../../src/layers/layer-error.js';
import { zeros } from '../../src/tensor/index.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend(() => {
  test('required returns a cached value and throws a LayerError for backward before forward', () => {
    assert.equal(required(3, 'Affine'), 3);
    assert.throws(
      () => required(undefined, 'Affine'),
      (e: unknown) =>
        e instanceof LayerError && e.message === 'Affine.backward called before forward',
    );
  });

  test('checkDout accepts dout of the output shape and dtype and names both otherwise', () => {
    assert.doesNotThrow(() => checkDout('Relu', zeros([2, 3]), [2, 3], 'float64'));
    assert.throws(
      () => checkDout('Relu', zeros([3, 2]), [2, 3], 'float64'),
      /^LayerError: Relu.backward: dout must have the output's shape \(2, 3\) and dtype float64, got \(3, 2\) float64$/,
    );
    assert.throws(
      () => checkDout('Relu', zeros([2, 3], { dtype: 'float32' }), [2, 3], 'float64'),
      /got \(2, 3\) float32/,
    );
  });

  test('noParams is one frozen empty record', () => {
    assert.deepEqual(Object.keys(noParams), []);
    assert.ok(Object.isFrozen(noParams));
  });
});
