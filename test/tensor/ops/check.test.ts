import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNDim,
  assertSameDType,
  assertSameShape,
  firstBadClassIndex,
  outFor,
  reuse,
  rowsCols,
} from '../../../src/tensor/ops/check.js';
import { zeros } from '../../../src/tensor/creation.js';

test('reuse returns the same buffer while the shape fits', () => {
  const a = zeros([2, 3]);
  assert.equal(reuse(a, [2, 3], 'float64'), a);
  assert.notEqual(reuse(a, [3, 3], 'float64'), a);
  assert.notEqual(reuse(a, [2, 3], 'float32'), a);
  assert.deepEqual(reuse(undefined, [2], 'float32').shape, [2]);
});

test('outFor allocates when no out is given and checks the one that is', () => {
  const o = outFor('op', undefined, [2], 'float32');
  assert.deepEqual([o.shape, o.dtype], [[2], 'float32']);
  assert.equal(outFor('op', o, [2], 'float32'), o);
  assert.throws(
    () => outFor('op', o, [2], 'float64'),
    /op: out has shape \(2,\) float32, expected \(2,\) float64/,
  );
});

test('the assertions name the op and both sides', () => {
  assert.throws(
    () => assertSameShape('f', zeros([2]), zeros([3])),
    /f: shape mismatch, \(2,\) vs \(3,\)/,
  );
  assert.doesNotThrow(() => assertSameShape('f', zeros([2, 1]), zeros([2, 1])));
  assert.throws(
    () => assertSameDType('g', zeros([1]), zeros([1]), zeros([1], { dtype: 'float32' })),
    /g: dtype mismatch, float64 vs float32/,
  );
  assert.throws(() => assertNDim('h', zeros([2]), 2, 'x'), /h: expected a 2-D x, got shape \(2,\)/);
});

test('rowsCols reads a 1-D tensor as one row and refuses other ranks', () => {
  assert.deepEqual(rowsCols('op', zeros([5])), [1, 5]);
  assert.deepEqual(rowsCols('op', zeros([4, 5])), [4, 5]);
  assert.throws(
    () => rowsCols('op', zeros([])),
    /op: expected a 1-D \(C\) or 2-D \(N, C\) tensor, got shape \(\)/,
  );
});

test('firstBadClassIndex finds the first label that is not an integer in 0..C−1 (ignoreIndex aside)', () => {
  assert.equal(firstBadClassIndex([0, 2, 1], 3, 3), -1);
  assert.equal(firstBadClassIndex([0, 3, -1], 3, 3), 1);
  assert.equal(firstBadClassIndex([0, 1.5], 2, 3), 1);
  assert.equal(firstBadClassIndex([Number.NaN], 1, 3), 0);
  assert.equal(firstBadClassIndex([-100, 2], 2, 3, -100), -1);
  assert.equal(firstBadClassIndex(new Int32Array([1, 9]), 1, 2), -1, 'only the first `rows` count');
});
