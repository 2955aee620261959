import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cos, pow, sin } from '../../../src/tensor/ops/math.js';
import { tensor } from '../../../src/tensor/index.js';
import { onEachBackend } from '../../helpers/backends.js';

test('sin, cos and pow work elementwise on every backend and keep the dtype', () => {
  onEachBackend(() => {
    assert.deepEqual(sin(tensor([0, Math.PI / 2])).toArray(), [0, 1]);
    assert.deepEqual(cos(tensor([0])).toArray(), [1]);
    assert.deepEqual(pow(tensor([2, 3]), 2).toArray(), [4, 9]);
    assert.deepEqual(pow(tensor([4]), 0.5).toArray(), [2]);
    assert.equal(pow(tensor([2], { dtype: 'float32' }), 3).dtype, 'float32');
  });
});
