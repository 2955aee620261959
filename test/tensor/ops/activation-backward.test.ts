import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reluBackward, sigmoidBackward } from '../../../src/tensor/ops/activation-backward.js';
import { tensor, zeros } from '../../../src/tensor/creation.js';

test('reluBackward passes dout where x > 0 and gives 0 at and below 0', () => {
  const dout = tensor([5, 6, 7]);
  assert.deepEqual(reluBackward(dout, tensor([1, 0, -1])).toArray(), [5, 0, 0]);
  assert.deepEqual(dout.toArray(), [5, 6, 7], 'dout is not written');
});

test('sigmoidBackward is dout·y·(1 − y) from the output y', () => {
  assert.deepEqual(
    sigmoidBackward(tensor([1, 2, 4]), tensor([0.5, 0.25, 1])).toArray(),
    [0.25, 0.375, 0],
  );
});

test('both write into out when given, and mismatched operands throw naming the op', () => {
  const out = zeros([2]);
  assert.equal(reluBackward(tensor([1, 1]), tensor([1, -1]), out), out);
  assert.deepEqual(out.toArray(), [1, 0]);
  assert.throws(
    () => reluBackward(zeros([2]), zeros([3])),
    /reluBackward: shape mismatch, \(2,\) vs \(3,\)/,
  );
  assert.throws(
    () => sigmoidBackward(zeros([2]), zeros([2], { dtype: 'float32' })),
    /sigmoidBackward: dtype mismatch, float64 vs float32/,
  );
});
