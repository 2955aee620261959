import { test } from 'node:test';
import assert from 'node:assert/strict';
import { identity, relu, sigmoid, softmax, stepFunction } from '../../src/functions/activations.js';
import { tensor, zeros } from '../../src/tensor/index.js';

const DTYPES = ['float64', 'float32'] as const;

test('stepFunction is 1 where x > 0 and 0 elsewhere, 0 included (the book prints [0 1 1] for [-1, 1, 2])', () => {
  assert.deepEqual(stepFunction([-1, 1, 2]).toArray(), [0, 1, 1]);
  assert.deepEqual(
    stepFunction([
      [-0.5, 0],
      [1e-300, -Infinity],
    ]).toArray(),
    [
      [0, 0],
      [1, 0],
    ],
  );
});

test('sigmoid is 1/(1 + e⁻ˣ) and the book values for [-1, 1, 2]', () => {
  const y = sigmoid([-1, 1, 2]).data;
  [-1, 1, 2].forEach((x, i) => assert.ok(Math.abs(y[i] - 1 / (1 + Math.exp(-x))) < 1e-16));
  // The book prints [0.26894142 0.73105858 0.88079708].
  [0.26894142, 0.73105858, 0.88079708].forEach((v, i) => assert.ok(Math.abs(y[i] - v) < 5e-9));
  assert.equal(sigmoid([0]).data[0], 0.5);
});

test('sigmoid of large |x| neither overflows nor loses the tiny tail', () => {
  for (const dtype of DTYPES) {
    const y = sigmoid(tensor([-1000, -745, -50, 50, 745, 1000], { dtype })).data;
    assert.ok(Array.from(y).every(Number.isFinite), `${dtype}: ${y}`);
    assert.equal(y[0], 0);
    assert.equal(y[5], 1);
    assert.equal(y[4], 1);
    // e⁻⁵⁰ ≈ 1.93e-22 must survive; the form eˣ/(1 + eˣ) would give ∞/∞ = NaN at 1000.
    assert.ok(Math.abs(y[2] - Math.exp(-50)) <= 1e-6 * Math.exp(-50), `${dtype}: σ(−50) = ${y[2]}`);
  }
});

test('relu is max(0, x) elementwise', () => {
  assert.deepEqual(
    relu([
      [-1, 0, 2.5],
      [3, -1e-9, -0],
    ]).toArray(),
    [
      [0, 0, 2.5],
      [3, 0, 0],
    ],
  );
});

test('softmax of the book example sums to 1 and matches exp(a)/Σexp(a)', () => {
  const a = [0.3, 2.9, 4.0];
  const y = softmax(a).data;
  const s = a.reduce((acc, v) => acc + Math.exp(v), 0);
  a.forEach((v, i) => assert.ok(Math.abs(y[i] - Math.exp(v) / s) < 1e-15 * y[i]));
  // The book prints [0.01821127 0.24519181 0.73659691].
  [0.01821127, 0.24519181, 0.73659691].forEach((v, i) => assert.ok(Math.abs(y[i] - v) < 5e-9));
  assert.ok(Math.abs(y[0] + y[1] + y[2] - 1) < 1e-15);
});

test('softmax works row by row on a batch, each row summing to 1', () => {
  for (const dtype of DTYPES) {
    const x = tensor(
      [
        [1, 2, 3],
        [10, 10, 10],
        [-5, 0, 5],
      ],
      { dtype },
    );
    const y = softmax(x).toArray() as number[][];
    const tol = dtype === 'float64' ? 1e-15 : 1e-6;
    for (const row of y)
      assert.ok(Math.abs(row[0] + row[1] + row[2] - 1) < tol, `${dtype}: ${row}`);
    assert.deepEqual(
      y[1].map((v) => Math.abs(v - 1 / 3) < tol),
      [true, true, true],
    );
    // Rows are independent: the first row equals softmax of that row alone.
    const alone = softmax(tensor([1, 2, 3], { dtype })).toArray() as number[];
    assert.deepEqual(y[0], alone);
  }
});

test('softmax of logits of 1000 gives no NaN (the row max is subtracted first)', () => {
  for (const dtype of DTYPES) {
    const y = softmax(
      tensor(
        [
          [1010, 1000, 990],
          [1000, 1000, -1000],
        ],
        { dtype },
      ),
    ).data;
    assert.ok(Array.from(y).every(Number.isFinite), `${dtype}: ${y}`);
    const e = [1, Math.exp(-10), Math.exp(-20)];
    const s = e[0] + e[1] + e[2];
    const tol = dtype === 'float64' ? 1e-15 : 1e-7;
    e.forEach((v, i) => assert.ok(Math.abs(y[i] - v / s) < tol, `${dtype}[${i}]`));
    assert.ok(Math.abs(y[3] - 0.5) < tol && y[5] === 0);
  }
});

test('identity returns an equal copy that does not share storage', () => {
  const x = tensor(
    [
      [1, -2],
      [3.5, 0],
    ],
    { dtype: 'float32' },
  );
  const y = identity(x);
  assert.deepEqual(y.toArray(), x.toArray());
  assert.equal(y.dtype, 'float32');
  y.data[0] = 99;
  assert.equal(x.data[0], 1);
  assert.deepEqual(identity([1, 2]).toArray(), [1, 2]);
});

test('every function keeps the dtype and shape of a tensor input and writes into out when given', () => {
  for (const dtype of DTYPES) {
    const x = tensor(
      [
        [-1, 0.5],
        [2, -3],
      ],
      { dtype },
    );
    for (const f of [stepFunction, sigmoid, relu, softmax]) {
      const y = f(x);
      assert.equal(y.dtype, dtype, f.name);
      assert.deepEqual(y.shape, [2, 2], f.name);
      const out = zeros([2, 2], { dtype });
      assert.equal(f(x, out), out, f.name);
      assert.deepEqual(out.toArray(), y.toArray(), f.name);
    }
  }
  assert.equal(sigmoid([0.1, 0.2]).dtype, 'float64', 'nested arrays become float64, as in NumPy');
  assert.equal(
    sigmoid(tensor([0.1], { dtype: 'float32' })).data[0],
    Math.fround(sigmoid([0.1]).data[0]),
  );
});

test('a wrong out buffer and a softmax input that is not 1-D or 2-D throw saying what was expected', () => {
  assert.throws(
    () => relu([1, 2], zeros([3])),
    /relu: out has shape \(3,\) float64, expected \(2,\) float64/,
  );
  assert.throws(
    () => sigmoid([1, 2], zeros([2], { dtype: 'float32' })),
    /out has shape \(2,\) float32, expected \(2,\) float64/,
  );
  assert.throws(
    () => softmax(zeros([2, 2, 2])),
    /softmax: expected a 1-D \(C\) or 2-D \(N, C\) tensor, got shape \(2, 2, 2\)/,
  );
  assert.throws(() => stepFunction([[1], [2, 3]]), /ragged nested array at \[1\]/);
});
