import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getBackend } from '../../src/backend/registry.js';
import { fmtShape, sameShape, shapeSize, Tensor } from '../../src/tensor/tensor.js';
import { tensor, zeros } from '../../src/tensor/creation.js';

test('a tensor reports its shape, size, ndim and dtype, and its shape cannot be changed', () => {
  const x = tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  assert.deepEqual(x.shape, [2, 3]);
  assert.equal(x.size, 6);
  assert.equal(x.ndim, 2);
  assert.equal(x.dtype, 'float64');
  assert.ok(Object.isFrozen(x.shape));
  assert.equal(tensor(3).ndim, 0);
  assert.equal(tensor(3).size, 1);
});

test('at and setAt read and write row-major positions; bad indices throw naming the shape', () => {
  const x = zeros([2, 3]);
  x.setAt(7, 1, 2);
  assert.equal(x.data[5], 7);
  assert.equal(x.at(1, 2), 7);
  assert.throws(() => x.at(2, 0), /Tensor index \[2, 0\] is out of range for shape \(2, 3\)/);
  assert.throws(() => x.at(0, 1.5), /out of range/);
  assert.throws(() => x.at(1), /Tensor index \[1\] does not match shape \(2, 3\)/);
});

test('item gives the single number and throws for more than one', () => {
  assert.equal(tensor([[4.5]]).item(), 4.5);
  assert.throws(
    () => tensor([1, 2]).item(),
    /Tensor.item: expected a tensor with 1 element, got shape \(2,\)/,
  );
});

test('reshape shares the storage and refuses another size', () => {
  const x = tensor([1, 2, 3, 4, 5, 6]);
  const y = x.reshape([3, 2]);
  assert.equal(y.storage, x.storage);
  assert.deepEqual(y.toArray(), [
    [1, 2],
    [3, 4],
    [5, 6],
  ]);
  y.setAt(0, 0, 1);
  assert.equal(x.data[1], 0);
  assert.throws(() => x.reshape([4, 2]), /cannot reshape \(6,\) \(6 numbers\) to \(4, 2\)/);
});

test('toArray and toString show the numbers nested by shape', () => {
  assert.deepEqual(zeros([2, 1, 2]).toArray(), [[[0, 0]], [[0, 0]]]);
  assert.equal(tensor(2).toArray(), 2);
  assert.deepEqual(zeros([0, 3]).toArray(), []);
  assert.equal(tensor([[1, 2]]).toString(), 'Tensor((1, 2), float64) [[1,2]]');
});

test('a storage of another length than the shape throws saying both', () => {
  const storage = getBackend().alloc('float64', 5);
  assert.throws(
    () => new Tensor(storage, [2, 3]),
    /Tensor: shape \(2, 3\) holds 6 numbers but the storage holds 5/,
  );
});

test('shapeSize multiplies the dimensions and rejects negative or fractional ones, naming the axis', () => {
  assert.equal(shapeSize([2, 3, 4]), 24);
  assert.equal(shapeSize([]), 1);
  assert.equal(shapeSize([5, 0]), 0);
  assert.throws(
    () => shapeSize([2, -1]),
    /invalid shape \(2, -1\): each dimension must be an integer ≥ 0, got -1 at axis 1/,
  );
  assert.throws(() => shapeSize([1.5]), /got 1.5 at axis 0/);
});

test('fmtShape writes PyTorch-style tuples and sameShape compares dimension by dimension', () => {
  assert.equal(fmtShape([2, 3]), '(2, 3)');
  assert.equal(fmtShape([3]), '(3,)');
  assert.equal(fmtShape([]), '()');
  assert.ok(sameShape([2, 3], [2, 3]));
  assert.ok(!sameShape([2, 3], [3, 2]));
  assert.ok(!sameShape([2], [2, 1]));
});
