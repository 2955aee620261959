import { test } from 'node:test';
import assert from 'node:assert/strict';
import { add, div, maximum, minimum, mul, sub } from '../../../src/tensor/ops/elementwise.js';
import { tensor, zeros } from '../../../src/tensor/creation.js';

const x = (): ReturnType<typeof tensor> =>
  tensor([
    [1, 2],
    [3, 4],
  ]);

test('add broadcasts a row vector and refuses other shapes', () => {
  assert.deepEqual(add(x(), tensor([10, 20])).toArray(), [
    [11, 22],
    [13, 24],
  ]);
  assert.deepEqual(add(x(), 1).toArray(), [
    [2, 3],
    [4, 5],
  ]);
  assert.throws(() => add(x(), tensor([1, 2, 3])), /cannot broadcast \(3,\) to \(2, 2\)/);
});

test('sub, mul, div, maximum and minimum work on equal shapes, numbers and rows', () => {
  const b = tensor([
    [2, 2],
    [5, 1],
  ]);
  assert.deepEqual(sub(x(), b).toArray(), [
    [-1, 0],
    [-2, 3],
  ]);
  assert.deepEqual(mul(x(), b).toArray(), [
    [2, 4],
    [15, 4],
  ]);
  assert.deepEqual(div(x(), 2).toArray(), [
    [0.5, 1],
    [1.5, 2],
  ]);
  assert.deepEqual(maximum(x(), tensor([[2, 3]])).toArray(), [
    [2, 3],
    [3, 4],
  ]);
  assert.deepEqual(minimum(x(), tensor([2.5])).toArray(), [
    [1, 2],
    [2.5, 2.5],
  ]);
});

test('the order of operands is kept: a − b and a / b, not b − a', () => {
  assert.deepEqual(sub(tensor([5]), tensor([2])).toArray(), [3]);
  assert.deepEqual(div(tensor([[6, 8]]), tensor([3, 2])).toArray(), [[2, 4]]);
});

test('maximum and minimum propagate NaN from either side', () => {
  assert.ok(Number.isNaN(maximum(tensor([Number.NaN]), tensor([1])).data[0]));
  assert.ok(Number.isNaN(maximum(tensor([1]), tensor([Number.NaN])).data[0]));
  assert.ok(Number.isNaN(minimum(tensor([1]), tensor([Number.NaN])).data[0]));
});

test('out may alias the first operand, for in-place updates', () => {
  const a = x();
  assert.equal(add(a, tensor([1, 1]), a), a);
  assert.deepEqual(a.toArray(), [
    [2, 3],
    [4, 5],
  ]);
});

test('mixed dtypes and a wrong out throw saying what was expected', () => {
  assert.throws(
    () => add(x(), tensor([1, 2], { dtype: 'float32' })),
    /add: dtype mismatch, float64 vs float32/,
  );
  assert.throws(
    () => mul(x(), 2, zeros([4])),
    /mul: out has shape \(4,\) float64, expected \(2, 2\) float64/,
  );
  assert.throws(
    () => sub(tensor([1, 2]), tensor([1, 2, 3])),
    /sub: cannot broadcast \(3,\) to \(2,\)/,
  );
});
