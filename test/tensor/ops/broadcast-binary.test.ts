import { test } from 'node:test';
import assert from 'node:assert/strict';
import { broadcastBinary } from '../../../src/tensor/ops/broadcast-binary.js';
import { tensor } from '../../../src/tensor/index.js';
import { onEachBackend } from '../../helpers/backends.js';

test('either operand may stretch, as in NumPy', () => {
  onEachBackend(() => {
    assert.deepEqual(broadcastBinary('add', tensor([[1], [2]]), tensor([10, 20])).toArray(), [
      [11, 21],
      [12, 22],
    ]);
    assert.deepEqual(broadcastBinary('sub', tensor(1), tensor([1, 2])).toArray(), [0, -1]);
    assert.deepEqual(broadcastBinary('div', tensor([[6, 8]]), tensor([3, 2])).toArray(), [[2, 4]]);
    assert.deepEqual(broadcastBinary('mul', tensor([3]), tensor([[1], [2]])).toArray(), [[3], [6]]);
  });
});

test('a mismatch and a dtype mismatch are clear errors', () => {
  assert.throws(
    () => broadcastBinary('add', tensor([1, 2, 3]), tensor([1, 2])),
    /add: shapes \(3,\) and \(2,\) do not broadcast/,
  );
  assert.throws(
    () => broadcastBinary('add', tensor([1]), tensor([1], { dtype: 'float32' })),
    /add: dtype mismatch, float64 vs float32/,
  );
});
