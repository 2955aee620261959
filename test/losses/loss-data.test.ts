import { test } from 'node:test';
import assert from 'node:assert/strict';
import { broadcastWeight, readLossData } from '../../src/losses/loss-data.js';
import { tensor } from '../../src/tensor/index.js';

test('a per-class weight (C) broadcasts over the rows of (N, C)', () => {
  assert.deepEqual(
    Array.from(broadcastWeight('w', 'weight', [1, 2, 3], [2, 3]) ?? []),
    [1, 2, 3, 1, 2, 3],
  );
});

test('a column (N, 1) and a single number broadcast too, and no weight stays undefined', () => {
  assert.deepEqual(
    Array.from(broadcastWeight('w', 'weight', [[1], [2]], [2, 3]) ?? []),
    [1, 1, 1, 2, 2, 2],
  );
  assert.deepEqual(Array.from(broadcastWeight('w', 'weight', 4, [2, 2]) ?? []), [4, 4, 4, 4]);
  assert.equal(broadcastWeight('w', 'weight', undefined, [2, 3]), undefined);
});

test('a weight that does not broadcast is rejected with both shapes', () => {
  assert.throws(
    () => broadcastWeight('bceLoss', 'options.weight', [1, 2], [2, 3]),
    /bceLoss: options\.weight: expected a shape that broadcasts to \(2, 3\), found \(2,\)/,
  );
  assert.throws(
    () => broadcastWeight('bceLoss', 'options.weight', [[[1]]], [3]),
    /found \(1, 1, 1\)/,
  );
});

test('reading copies the numbers into float64 and keeps the dtype', () => {
  const t = tensor([0.1, 0.2], { dtype: 'float32' });
  const d = readLossData('f', 'input', t);
  assert.ok(d.data instanceof Float64Array);
  assert.equal(d.dtype, 'float32');
  assert.equal(d.data[0], Math.fround(0.1));
  t.data[0] = 5;
  assert.equal(d.data[0], Math.fround(0.1));
});
