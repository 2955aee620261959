import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toClassIndices } from '../../src/losses/labels.js';
import { LossInputError } from '../../src/losses/loss-error.js';
import { tensor } from '../../src/tensor/index.js';

const indices = (v: Int32Array): number[] => Array.from(v);

test('indices pass through from an Int32Array, a plain array and a 1-D tensor', () => {
  assert.deepEqual(indices(toClassIndices('t', new Int32Array([2, 0, 1]), 3, 3)), [2, 0, 1]);
  assert.deepEqual(indices(toClassIndices('t', [2, 0, 1], 3, 3)), [2, 0, 1]);
  assert.deepEqual(indices(toClassIndices('t', tensor([2, 0, 1]), 3, 3)), [2, 0, 1]);
});

test('one-hot rows (N, C) become the index of their 1', () => {
  const oneHot = [
    [0, 0, 1],
    [1, 0, 0],
    [0, 1, 0],
  ];
  assert.deepEqual(indices(toClassIndices('t', oneHot, 3, 3)), [2, 0, 1]);
  assert.deepEqual(indices(toClassIndices('t', tensor(oneHot), 3, 3)), [2, 0, 1]);
});

test('a single row takes a 1-D one-hot vector or a bare number, as the book reshapes 1-D y and t', () => {
  assert.deepEqual(indices(toClassIndices('t', [0, 0, 0, 1], 1, 4)), [3]);
  assert.deepEqual(indices(toClassIndices('t', 3, 1, 4)), [3]);
  assert.deepEqual(indices(toClassIndices('t', [3], 1, 4)), [3]);
});

test('a label count that does not match the batch is rejected with both numbers', () => {
  assert.throws(
    () => toClassIndices('demo', [0, 1], 3, 4),
    (e: unknown) => {
      assert.ok(e instanceof LossInputError);
      assert.match(
        e.message,
        /^demo: target: expected 3 class indices \(3,\) or one-hot rows \(3, 4\), found shape \(2,\)$/,
      );
      return true;
    },
  );
  assert.throws(
    () => toClassIndices('demo', new Int32Array([0, 1]), 3, 4),
    /expected 3 class indices.*found 2/,
  );
  assert.throws(() => toClassIndices('demo', [[0, 1, 0]], 2, 3), /found shape \(1, 3\)/);
  assert.throws(() => toClassIndices('demo', 1, 2, 3), /found one index for 2 rows/);
});

test('a label outside 0..C-1 is rejected with its position', () => {
  assert.throws(
    () => toClassIndices('demo', [0, 3], 2, 3),
    /demo: target\[1\]: expected a class index in 0\.\.2, found 3/,
  );
  assert.throws(
    () => toClassIndices('demo', new Int32Array([-1, 0]), 2, 3),
    /target\[0\]: .* found -1/,
  );
});

test('non-integer labels are rejected', () => {
  assert.throws(
    () => toClassIndices('demo', [0, 1.5], 2, 3),
    /target\[1\]: expected an integer class index, found 1\.5/,
  );
  assert.throws(
    () => toClassIndices('demo', [Number.NaN], 1, 3),
    /expected an integer class index, found NaN/,
  );
});

test('rows that are not one-hot are rejected and shown', () => {
  const bad = (rows: number[][]): RegExp =>
    new RegExp(
      `target row 1: expected a one-hot row \\(exactly one 1, zeros elsewhere\\), found \\[${rows[1].join(', ')}\\]`,
    );
  const two = [
    [1, 0, 0],
    [0, 1, 1],
  ];
  const soft = [
    [1, 0, 0],
    [0.5, 0.5, 0],
  ];
  const none = [
    [1, 0, 0],
    [0, 0, 0],
  ];
  for (const rows of [two, soft, none])
    assert.throws(() => toClassIndices('demo', rows, 2, 3), bad(rows));
});

test('the ignore index passes through even outside 0..C-1, and only when asked for', () => {
  assert.deepEqual(
    indices(toClassIndices('t', [1, -100, 0], 3, 2, { ignoreIndex: -100 })),
    [1, -100, 0],
  );
  assert.throws(() => toClassIndices('t', [1, -100, 0], 3, 2), /found -100/);
  assert.throws(
    () => toClassIndices('t', [5], 1, 2, { ignoreIndex: -100 }),
    /in 0\.\.1 or ignoreIndex -100, found 5/,
  );
});

test('a ragged nested array is reported as a loss input error naming the argument', () => {
  assert.throws(
    () => toClassIndices('demo', [[0, 1], [1]], 2, 2, { arg: 't' }),
    /demo: t: expected a Tensor or a rectangular nested array/,
  );
});

test('an out buffer of length N is filled and returned; another length gets a new array', () => {
  const out = new Int32Array(2);
  const t = new Int32Array([1, 0]);
  assert.equal(toClassIndices('t', t, 2, 2, { out }), out);
  assert.deepEqual(indices(out), [1, 0]);
  assert.notEqual(out, t, 'Int32Array labels are copied, never aliased');
  assert.equal(toClassIndices('t', [0, 1], 2, 2, { out }), out);
  assert.deepEqual(indices(out), [0, 1]);
  assert.equal(
    toClassIndices(
      't',
      [
        [1, 0],
        [1, 0],
      ],
      2,
      2,
      { out },
    ),
    out,
  );
  assert.deepEqual(indices(out), [0, 0]);
  const other = toClassIndices('t', [1, 0, 1], 3, 2, { out });
  assert.notEqual(other, out);
  assert.deepEqual(indices(other), [1, 0, 1]);
});

test('labels that fail the check leave the out buffer as it was', () => {
  const out = new Int32Array([1, 1]);
  assert.throws(() => toClassIndices('t', new Int32Array([0, 5]), 2, 2, { out }), /found 5/);
  assert.throws(
    () =>
      toClassIndices(
        't',
        [
          [1, 0],
          [1, 1],
        ],
        2,
        2,
        { out },
      ),
    /row 1/,
  );
  assert.deepEqual(indices(out), [1, 1]);
});
