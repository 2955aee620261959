import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matmul } from '../../../src/tensor/ops/matmul.js';
import { tensor, zeros } from '../../../src/tensor/creation.js';

test('matmul computes all transpose variants', () => {
  const a = tensor([
    [1, 2],
    [3, 4],
    [5, 6],
  ]); // (3, 2)
  const b = tensor([
    [1, 0, 2],
    [0, 1, 3],
  ]); // (2, 3)
  assert.deepEqual(matmul(a, b).toArray(), [
    [1, 2, 8],
    [3, 4, 18],
    [5, 6, 28],
  ]);
  assert.deepEqual(matmul(a, a, { transA: true }).toArray(), [
    [35, 44],
    [44, 56],
  ]);
  assert.deepEqual(matmul(a, a, { transB: true }).toArray(), [
    [5, 11, 17],
    [11, 25, 39],
    [17, 39, 61],
  ]);
  assert.deepEqual(matmul(b, a, { transA: true, transB: true }).toArray(), [
    [1, 3, 5],
    [2, 4, 6],
    [8, 18, 28],
  ]);
});

test('matmul writes into out and adds to it with accumulate', () => {
  const a = tensor([[1, 2]]);
  const b = tensor([[3], [4]]);
  const out = tensor([[100]]);
  assert.equal(matmul(a, b, { out }), out);
  assert.deepEqual(out.toArray(), [[11]]);
  matmul(a, b, { out, accumulate: true });
  assert.deepEqual(out.toArray(), [[22]]);
  assert.equal(matmul(a, b, { out: zeros([1, 1], { dtype: 'float64' }) }).dtype, 'float64');
});

test('matmul in float32 rounds to float32 and keeps the dtype', () => {
  const f32 = { dtype: 'float32' as const };
  const c = matmul(tensor([[0.1, 0.2]], f32), tensor([[0.3], [0.4]], f32));
  assert.equal(c.dtype, 'float32');
  assert.equal(
    c.data[0],
    Math.fround(Math.fround(0.1) * Math.fround(0.3) + Math.fround(0.2) * Math.fround(0.4)),
  );
});

test('matmul names both shapes when inner dimensions differ', () => {
  assert.throws(
    () => matmul(zeros([2, 3]), zeros([2, 3])),
    /matmul: inner dimensions differ, \(2, 3\) · \(2, 3\)/,
  );
  assert.throws(
    () => matmul(zeros([2, 3]), zeros([2, 3]), { transB: true, transA: true }),
    /\(2, 3\)ᵀ · \(2, 3\)ᵀ \(2 vs 3\)/,
  );
});

test('matmul rejects non-2-D operands, mixed dtypes, a wrong out and accumulate without out', () => {
  assert.throws(
    () => matmul(zeros([3]), zeros([3, 1])),
    /matmul: expected 2-D tensors, got \(3,\) and \(3, 1\)/,
  );
  assert.throws(
    () => matmul(zeros([1, 2]), zeros([2, 1], { dtype: 'float32' })),
    /matmul: dtype mismatch, float64 vs float32/,
  );
  assert.throws(
    () => matmul(zeros([1, 2]), zeros([2, 3]), { out: zeros([3, 1]) }),
    /matmul: out has shape \(3, 1\) float64, expected \(1, 3\) float64/,
  );
  assert.throws(
    () => matmul(zeros([1, 2]), zeros([2, 1]), { accumulate: true }),
    /matmul: accumulate needs an out tensor to add to/,
  );
});
