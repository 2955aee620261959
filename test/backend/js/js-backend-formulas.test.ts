/**
 * The reference backend against formulas written out in the test. The conformance suite
 * (test/backend/conformance.ts) measures other backends against this one, so this one is
 * measured against the math itself. gemm has its own file (js-gemm.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DType, Storage } from '../../../src/backend/backend.js';
import { createJsBackend } from '../../../src/backend/js/js-backend.js';

const js = createJsBackend();

function store(values: number[], dtype: DType = 'float64'): Storage {
  const s = js.alloc(dtype, values.length);
  s.data.set(values);
  return s;
}
const list = (s: Storage): number[] => Array.from(s.data);
const X = [-3, -0.5, 0, 0.25, 2, 40];

test('alloc gives zero-filled storage of the asked dtype and length', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    const s = js.alloc(dtype, 5);
    assert.equal(s.length, 5);
    assert.equal(s.dtype, dtype);
    assert.ok(s.data instanceof (dtype === 'float32' ? Float32Array : Float64Array));
    assert.deepEqual(list(s), [0, 0, 0, 0, 0]);
  }
});

test('unary kernels compute their formulas', () => {
  const formulas = {
    relu: (x: number) => Math.max(0, x),
    sigmoid: (x: number) => 1 / (1 + Math.exp(-x)),
    exp: Math.exp,
    log: Math.log,
    neg: (x: number) => -x,
    abs: Math.abs,
    sqrt: Math.sqrt,
    square: (x: number) => x * x,
    tanh: Math.tanh,
    step: (x: number) => (x > 0 ? 1 : 0),
  };
  for (const [op, f] of Object.entries(formulas)) {
    const out = js.alloc('float64', X.length);
    js.unary(op as keyof typeof formulas, store(X), out);
    list(out).forEach((v, i) => {
      const w = f(X[i]);
      if (Number.isNaN(w)) assert.ok(Number.isNaN(v), `${op}(${X[i]})`);
      else
        assert.ok(
          Math.abs(v - w) <= 1e-15 * Math.abs(w) || Object.is(v, w),
          `${op}(${X[i]}) = ${v}, want ${w}`,
        );
    });
  }
});

test('binary kernels work elementwise, with a scalar and with a row vector', () => {
  const a = [1, 2, 3, 4, 5, 6];
  const b = [6, 5, 4, 3, 2, 1];
  const f = {
    add: (x: number, y: number) => x + y,
    sub: (x: number, y: number) => x - y,
    mul: (x: number, y: number) => x * y,
    div: (x: number, y: number) => x / y,
    max: Math.max,
    min: Math.min,
  };
  for (const [op, g] of Object.entries(f)) {
    const name = op as keyof typeof f;
    const out = js.alloc('float64', 6);
    js.binary(name, store(a), store(b), out);
    assert.deepEqual(
      list(out),
      a.map((x, i) => g(x, b[i])),
      `binary ${op}`,
    );
    js.binaryScalar(name, store(a), 2.5, out);
    assert.deepEqual(
      list(out),
      a.map((x) => g(x, 2.5)),
      `binaryScalar ${op}`,
    );
    js.binaryRowVector(name, 2, 3, store(a), store([10, 20, 30]), out);
    assert.deepEqual(
      list(out),
      a.map((x, i) => g(x, [10, 20, 30][i % 3])),
      `binaryRowVector ${op}`,
    );
  }
});

test('sum, sumAxis0 and argmaxRows reduce as written', () => {
  const x = store([1, 9, 3, 7, 2, 8]); // 2×3
  assert.equal(js.sum(x), 30);
  const cols = js.alloc('float64', 3);
  js.sumAxis0(2, 3, x, cols);
  assert.deepEqual(list(cols), [8, 11, 11]);
  const idx = new Int32Array(2);
  js.argmaxRows(2, 3, x, idx);
  assert.deepEqual(Array.from(idx), [1, 2]);
  const f32 = store([0.1, 0.2, 0.3], 'float32');
  assert.equal(
    js.sum(f32),
    Math.fround(0.1) + Math.fround(0.2) + Math.fround(0.3),
    'float64 accumulation',
  );
});

test('softmax rows are exp(x − max)/Σ exp(x − max), and the fused loss and gradient follow the book', () => {
  const x = [1, 2, 3, 1000, 1000, 0];
  const y = js.alloc('float64', 6);
  js.softmaxRows(2, 3, store(x), y);
  const soft = (row: number[]): number[] => {
    const m = Math.max(...row);
    const e = row.map((v) => Math.exp(v - m));
    const s = e.reduce((p, q) => p + q, 0);
    return e.map((v) => v / s);
  };
  const want = [...soft(x.slice(0, 3)), ...soft(x.slice(3))];
  list(y).forEach((v, i) => assert.ok(Math.abs(v - want[i]) <= 1e-16 + 1e-15 * want[i], `y[${i}]`));
  const labels = Int32Array.of(2, 1);
  const y2 = js.alloc('float64', 6);
  const loss = js.softmaxCrossEntropy(2, 3, store(x), labels, y2);
  assert.ok(Math.abs(loss - (-Math.log(want[2] + 1e-7) - Math.log(want[4] + 1e-7))) < 1e-14);
  const dx = js.alloc('float64', 6);
  js.softmaxCrossEntropyBackward(2, 3, y2, labels, 0.5, dx);
  const t = [0, 0, 1, 0, 1, 0];
  list(dx).forEach((v, i) => assert.ok(Math.abs(v - 0.5 * (want[i] - t[i])) < 1e-16, `dx[${i}]`));
});

test('activation backwards, axpy, fill and copy follow their formulas', () => {
  const dout = store([1, 2, 3, 4, 5, 6]);
  const out = js.alloc('float64', 6);
  js.reluBackward(dout, store(X), out);
  assert.deepEqual(
    list(out),
    X.map((x, i) => (x > 0 ? i + 1 : 0)),
  );
  const y = [0.1, 0.5, 0.9, 0, 1, 0.25];
  js.sigmoidBackward(dout, store(y), out);
  list(out).forEach((v, i) => assert.ok(Math.abs(v - (i + 1) * y[i] * (1 - y[i])) < 1e-15));
  const acc = store([1, 1, 1, 1, 1, 1]);
  js.axpy(-2, dout, acc);
  assert.deepEqual(list(acc), [-1, -3, -5, -7, -9, -11]);
  js.fill(acc, 4);
  assert.deepEqual(list(acc), [4, 4, 4, 4, 4, 4]);
  js.copy(dout, acc);
  assert.deepEqual(list(acc), [1, 2, 3, 4, 5, 6]);
});
