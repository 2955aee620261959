import { test } from 'node:test';
import assert from 'node:assert/strict';
import { broadcastShapes, broadcastTo, sumTo } from '../../../src/tensor/ops/broadcast.js';
import { fromArray, tensor } from '../../../src/tensor/index.js';
import { onEachBackend } from '../../helpers/backends.js';

test('broadcastShapes follows NumPy and names the op and both shapes on a mismatch', () => {
  assert.deepEqual(broadcastShapes('add', [5, 3], [3]), [5, 3]);
  assert.deepEqual(broadcastShapes('add', [4, 1], [1, 5]), [4, 5]);
  assert.deepEqual(broadcastShapes('add', [], [2, 3]), [2, 3]);
  assert.throws(
    () => broadcastShapes('mul', [2, 3], [4]),
    /mul: shapes \(2, 3\) and \(4,\) do not broadcast \(axis 1: 3 vs 4\)/,
  );
});

test('broadcastTo stretches rows, columns and scalars on every backend', () => {
  onEachBackend(() => {
    assert.deepEqual(broadcastTo(tensor([1, 2]), [2, 2]).toArray(), [
      [1, 2],
      [1, 2],
    ]);
    assert.deepEqual(broadcastTo(tensor([[1], [2]]), [2, 3]).toArray(), [
      [1, 1, 1],
      [2, 2, 2],
    ]);
    assert.deepEqual(broadcastTo(tensor(7), [2]).toArray(), [7, 7]);
    assert.deepEqual(broadcastTo(tensor([[1, 2]]), [2, 1, 2]).toArray(), [[[1, 2]], [[1, 2]]]);
    assert.throws(
      () => broadcastTo(tensor([1, 2, 3]), [2, 2]),
      /broadcastTo: cannot broadcast \(3,\) to \(2, 2\)/,
    );
  });
});

test('sumTo is the reverse of broadcastTo: it sums the stretched axes', () => {
  onEachBackend(() => {
    const x = fromArray([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [2, 3, 2]);
    assert.deepEqual(sumTo(x, [2]).toArray(), [36, 42]);
    assert.deepEqual(sumTo(x, [3, 1]).toArray(), [[18], [26], [34]]);
    assert.deepEqual(sumTo(x, [1, 1, 1]).toArray(), [[[78]]]);
    assert.deepEqual(sumTo(x, []).toArray(), 78);
    assert.deepEqual(sumTo(x, [2, 1, 2]).toArray(), [[[9, 12]], [[27, 30]]]);
    assert.throws(() => sumTo(x, [4]), /sumTo: cannot broadcast \(4,\) to \(2, 3, 2\)/);
  });
});
