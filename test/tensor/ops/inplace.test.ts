import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  axpyInPlace,
  copyInto,
  fillInPlace,
  scaleInPlace,
} from '../../../src/tensor/ops/inplace.js';
import { tensor, zeros } from '../../../src/tensor/creation.js';

test('axpyInPlace adds α·x to y in place (the SGD step W ← W − lr·dW)', () => {
  const W = tensor([[1, 2]]);
  assert.equal(axpyInPlace(W, -0.5, tensor([[2, -2]])), W);
  assert.deepEqual(W.toArray(), [[0, 3]]);
});

test('scaleInPlace, fillInPlace and copyInto change their target and return it', () => {
  const x = tensor([1, -2]);
  assert.equal(scaleInPlace(x, 3), x);
  assert.deepEqual(x.toArray(), [3, -6]);
  assert.equal(fillInPlace(x, 0.5), x);
  assert.deepEqual(x.toArray(), [0.5, 0.5]);
  const dst = zeros([2]);
  assert.equal(copyInto(tensor([7, 8]), dst), dst);
  assert.deepEqual(dst.toArray(), [7, 8]);
});

test('mismatched shapes or dtypes throw naming the op', () => {
  assert.throws(
    () => axpyInPlace(zeros([2]), 1, zeros([3])),
    /axpyInPlace: shape mismatch, \(2,\) vs \(3,\)/,
  );
  assert.throws(
    () => axpyInPlace(zeros([2]), 1, zeros([2], { dtype: 'float32' })),
    /axpyInPlace: dtype mismatch/,
  );
  assert.throws(() => copyInto(zeros([2, 1]), zeros([2])), /copyInto: shape mismatch/);
  assert.throws(
    () => copyInto(zeros([2], { dtype: 'float32' }), zeros([2])),
    /copyInto: dtype mismatch/,
  );
});
