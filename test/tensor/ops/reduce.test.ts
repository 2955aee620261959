import { test } from 'node:test';
import assert from 'node:assert/strict';
import { argmaxRows, mean, sum, sumAxis0 } from '../../../src/tensor/ops/reduce.js';
import { tensor, zeros } from '../../../src/tensor/creation.js';

test('sumAxis0 and argmaxRows reduce per column and per row', () => {
  const x = tensor([
    [1, 5, 2],
    [7, 0, 3],
  ]);
  assert.deepEqual(sumAxis0(x).toArray(), [8, 5, 5]);
  assert.deepEqual([...argmaxRows(x)], [1, 0]);
});

test('sum and mean cover every element, float32 summed in float64', () => {
  assert.equal(
    sum(
      tensor([
        [1, 2],
        [3, 4.5],
      ]),
    ),
    10.5,
  );
  assert.equal(mean(tensor([1, 2, 3, 6])), 3);
  const f = tensor([0.1, 0.2, 0.3], { dtype: 'float32' });
  assert.equal(sum(f), Math.fround(0.1) + Math.fround(0.2) + Math.fround(0.3));
});

test('argmaxRows picks the first of equal maxima, takes a 1-D row and writes into out', () => {
  assert.deepEqual(
    [
      ...argmaxRows(
        tensor([
          [3, 3, 1],
          [0, 2, 2],
        ]),
      ),
    ],
    [0, 1],
  );
  assert.deepEqual([...argmaxRows(tensor([0.1, 0.7, 0.2]))], [1]);
  const out = new Int32Array(4);
  assert.equal(argmaxRows(tensor([[1, 2]]), out), out);
  assert.equal(out[0], 1);
});

test('sumAxis0 writes into out of shape (M)', () => {
  const out = zeros([2]);
  assert.equal(
    sumAxis0(
      tensor([
        [1, 2],
        [3, 4],
      ]),
      out,
    ),
    out,
  );
  assert.deepEqual(out.toArray(), [4, 6]);
});

test('reductions of the wrong rank or with a short out throw saying what was expected', () => {
  assert.throws(() => sumAxis0(zeros([3])), /sumAxis0: expected a 2-D input, got shape \(3,\)/);
  assert.throws(() => sumAxis0(zeros([2, 3]), zeros([2])), /sumAxis0: out has shape \(2,\)/);
  assert.throws(
    () => argmaxRows(zeros([2, 2, 2])),
    /argmaxRows: expected a 1-D \(C\) or 2-D \(N, C\) tensor, got shape \(2, 2, 2\)/,
  );
  assert.throws(
    () => argmaxRows(zeros([3, 2]), new Int32Array(2)),
    /argmaxRows: out: expected at least 3 elements \(one per row\), got 2/,
  );
});
