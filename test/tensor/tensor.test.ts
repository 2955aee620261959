import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  tensor,
  zeros,
  matmul,
  add,
  sumAxis0,
  argmaxRows,
  softmaxCrossEntropy,
  softmaxCrossEntropyBackward,
  createRng,
  randn,
  reuse,
} from '../../src/tensor/index.js';

test('tensor() builds float64 tensors from nested arrays by default', () => {
  const x = tensor([[1, 2, 3], [4, 5, 6]]);
  assert.deepEqual(x.shape, [2, 3]);
  assert.equal(x.dtype, 'float64');
  assert.deepEqual(x.toArray(), [[1, 2, 3], [4, 5, 6]]);
  assert.equal(tensor([0.1], { dtype: 'float32' }).data[0], Math.fround(0.1));
});

test('tensor() rejects ragged arrays and non-numbers, naming the place', () => {
  assert.throws(() => tensor([[1, 2], [3]]), /ragged nested array at \[1\]/);
  assert.throws(() => tensor([1, 'a' as unknown as number]), /expected a number at \[1\]/);
});

test('matmul computes all transpose variants', () => {
  const a = tensor([[1, 2], [3, 4], [5, 6]]); // (3, 2)
  const b = tensor([[1, 0, 2], [0, 1, 3]]); // (2, 3)
  assert.deepEqual(matmul(a, b).toArray(), [[1, 2, 8], [3, 4, 18], [5, 6, 28]]);
  assert.deepEqual(matmul(a, a, { transA: true }).toArray(), [[35, 44], [44, 56]]);
  assert.deepEqual(matmul(a, a, { transB: true }).toArray(), [[5, 11, 17], [11, 25, 39], [17, 39, 61]]);
  assert.deepEqual(matmul(b, a, { transA: true, transB: true }).toArray(), [[1, 3, 5], [2, 4, 6], [8, 18, 28]]);
});

test('matmul names both shapes when inner dimensions differ', () => {
  assert.throws(() => matmul(zeros([2, 3]), zeros([2, 3])), /matmul: inner dimensions differ, \(2, 3\) · \(2, 3\)/);
});

test('add broadcasts a row vector and refuses other shapes', () => {
  const x = tensor([[1, 2], [3, 4]]);
  assert.deepEqual(add(x, tensor([10, 20])).toArray(), [[11, 22], [13, 24]]);
  assert.deepEqual(add(x, 1).toArray(), [[2, 3], [4, 5]]);
  assert.throws(() => add(x, tensor([1, 2, 3])), /cannot broadcast \(3,\) to \(2, 2\)/);
});

test('sumAxis0 and argmaxRows reduce per column and per row', () => {
  const x = tensor([[1, 5, 2], [7, 0, 3]]);
  assert.deepEqual(sumAxis0(x).toArray(), [8, 5, 5]);
  assert.deepEqual([...argmaxRows(x)], [1, 0]);
});

test('softmaxCrossEntropy gives the book loss and gradient (y − t) / N', () => {
  const x = tensor([[1000, 0, 0], [0, 0, 0]]);
  const { loss, y } = softmaxCrossEntropy(x, Int32Array.from([0, 2]));
  assert.ok(Number.isFinite(loss));
  assert.ok(Math.abs(loss - (-Math.log(1 + 1e-7) - Math.log(1 / 3 + 1e-7)) / 2) < 1e-15);
  const dx = softmaxCrossEntropyBackward(y, Int32Array.from([0, 2]));
  assert.ok(Math.abs(dx.at(1, 2) - (1 / 3 - 1) / 2) < 1e-15);
  assert.ok(Math.abs(dx.at(0, 0)) < 1e-15);
});

test('randn is reproducible from a seed', () => {
  const a = randn([5], createRng(7)).toArray();
  const b = randn([5], createRng(7)).toArray();
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, randn([5], createRng(8)).toArray());
});

test('reuse returns the same buffer while the shape fits', () => {
  const a = zeros([2, 3]);
  assert.equal(reuse(a, [2, 3], 'float64'), a);
  assert.notEqual(reuse(a, [3, 3], 'float64'), a);
  assert.notEqual(reuse(a, [2, 3], 'float32'), a);
});
