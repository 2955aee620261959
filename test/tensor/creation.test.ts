import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  clone,
  fromArray,
  full,
  ones,
  rand,
  randn,
  tensor,
  zeros,
  zerosLike,
} from '../../src/tensor/creation.js';
import { createRng } from '../../src/tensor/rng.js';

test('tensor() builds float64 tensors from nested arrays by default', () => {
  const x = tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  assert.deepEqual(x.shape, [2, 3]);
  assert.equal(x.dtype, 'float64');
  assert.deepEqual(x.toArray(), [
    [1, 2, 3],
    [4, 5, 6],
  ]);
  assert.equal(tensor([0.1], { dtype: 'float32' }).data[0], Math.fround(0.1));
});

test('tensor() rejects ragged arrays and non-numbers, naming the place', () => {
  assert.throws(() => tensor([[1, 2], [3]]), /ragged nested array at \[1\]/);
  assert.throws(() => tensor([1, 'a' as unknown as number]), /expected a number at \[1\]/);
});

test('tensor() of a Tensor returns it, or a converted copy for another dtype', () => {
  const x = tensor([1.1, 2]);
  assert.equal(tensor(x), x);
  assert.equal(tensor(x, { dtype: 'float64' }), x);
  const y = tensor(x, { dtype: 'float32' });
  assert.notEqual(y.storage, x.storage);
  assert.deepEqual(Array.from(y.data), [Math.fround(1.1), 2]);
});

test('zeros, ones, full, zerosLike and fromArray fill as asked, in either dtype', () => {
  assert.deepEqual(zeros([2, 2]).toArray(), [
    [0, 0],
    [0, 0],
  ]);
  assert.deepEqual(ones([3], { dtype: 'float32' }).toArray(), [1, 1, 1]);
  assert.equal(ones([1], { dtype: 'float32' }).dtype, 'float32');
  assert.deepEqual(full([2], -2.5).toArray(), [-2.5, -2.5]);
  const like = zerosLike(tensor([[1, 2]], { dtype: 'float32' }));
  assert.deepEqual([like.shape, like.dtype, like.toArray()], [[1, 2], 'float32', [[0, 0]]]);
  assert.deepEqual(fromArray([1, 2, 3, 4], [2, 2]).toArray(), [
    [1, 2],
    [3, 4],
  ]);
  assert.deepEqual(fromArray(new Float32Array([1, 2])).shape, [2]);
});

test('clone copies into new storage', () => {
  const x = tensor([1, 2]);
  const y = clone(x);
  y.data[0] = 5;
  assert.deepEqual(x.toArray(), [1, 2]);
  assert.equal(clone(tensor([1], { dtype: 'float32' })).dtype, 'float32');
});

test('randn is reproducible from a seed and has the asked mean and standard deviation', () => {
  const a = randn([5], createRng(7)).toArray();
  const b = randn([5], createRng(7)).toArray();
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, randn([5], createRng(8)).toArray());
  const d = Array.from(randn([20000], createRng(9), { mean: 3, std: 0.5 }).data);
  const mean = d.reduce((s, v) => s + v, 0) / d.length;
  const std = Math.sqrt(d.reduce((s, v) => s + (v - mean) ** 2, 0) / d.length);
  assert.ok(Math.abs(mean - 3) < 0.01 && Math.abs(std - 0.5) < 0.01, `${mean} ${std}`);
});

test('rand draws in [low, high) from a seed', () => {
  const d = Array.from(rand([1000], createRng(10), { low: -2, high: 3 }).data);
  assert.ok(d.every((v) => v >= -2 && v < 3));
  assert.ok(Math.min(...d) < -1.9 && Math.max(...d) > 2.9);
  assert.deepEqual(rand([3], createRng(1)).toArray(), rand([3], createRng(1)).toArray());
});

test('negative sizes, unknown dtypes, non-finite parameters and short data throw saying what was expected', () => {
  assert.throws(() => zeros([2, -3]), /each dimension must be an integer ≥ 0, got -3 at axis 1/);
  assert.throws(
    () => zeros([2], { dtype: 'int32' as 'float64' }),
    /unknown dtype 'int32': expected 'float32' or 'float64'/,
  );
  assert.throws(
    () => randn([2], createRng(0), { std: Number.NaN }),
    /randn: std must be a finite number ≥ 0, got NaN/,
  );
  assert.throws(() => randn([2], createRng(0), { std: -1 }), /got -1/);
  assert.throws(
    () => randn([2], createRng(0), { mean: Infinity }),
    /randn: mean must be a finite number, got Infinity/,
  );
  assert.throws(
    () => rand([2], createRng(0), { low: 1, high: 0 }),
    /rand: expected finite bounds with low ≤ high, got low 1, high 0/,
  );
  assert.throws(
    () => fromArray([1, 2, 3], [2, 2]),
    /fromArray: shape \(2, 2\) holds 4 numbers, got 3 values/,
  );
});
