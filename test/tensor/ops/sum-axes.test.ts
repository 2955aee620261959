import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sumAxes } from '../../../src/tensor/ops/sum-axes.js';
import { fromArray, tensor } from '../../../src/tensor/index.js';
import { onEachBackend } from '../../helpers/backends.js';

test('sumAxes sums over the given axes, with or without keepdims', () => {
  onEachBackend(() => {
    const x = tensor([
      [1, 2],
      [3, 4],
    ]);
    assert.deepEqual(sumAxes(x, 1).toArray(), [3, 7]);
    assert.deepEqual(sumAxes(x, 0, true).toArray(), [[4, 6]]);
    assert.equal(sumAxes(x).toArray(), 10);
    const y = fromArray([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2]);
    assert.deepEqual(sumAxes(y, [0, 2]).toArray(), [14, 22]);
    assert.deepEqual(sumAxes(y, -1).toArray(), [
      [3, 7],
      [11, 15],
    ]);
  });
});

test('an axis outside the tensor is a clear error', () => {
  assert.throws(() => sumAxes(tensor([1, 2]), 1), /sum: axis 1 is out of range for shape \(2,\)/);
});
