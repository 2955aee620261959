import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  abs,
  exp,
  log,
  neg,
  sqrt,
  square,
  tanh,
  unaryKernel,
} from '../../../src/tensor/ops/unary.js';
import { tensor, zeros } from '../../../src/tensor/creation.js';

const xs = [0.25, 1, 2.5, 9];

test('each op computes its formula elementwise', () => {
  const cases: [ReturnType<typeof unaryKernel>, (v: number) => number][] = [
    [exp, Math.exp],
    [log, Math.log],
    [neg, (v) => -v],
    [abs, Math.abs],
    [sqrt, Math.sqrt],
    [square, (v) => v * v],
    [tanh, Math.tanh],
  ];
  for (const [op, f] of cases) {
    assert.deepEqual(Array.from(op(tensor(xs)).data), xs.map(f), op.name);
    assert.deepEqual(Array.from(op(tensor([-xs[1]])).data), [f(-xs[1])], op.name);
  }
});

test('log gives −∞ at 0 and NaN below, as NumPy does', () => {
  const y = log(tensor([0, -1])).data;
  assert.equal(y[0], -Infinity);
  assert.ok(Number.isNaN(y[1]));
});

test('float32 inputs give float32 outputs, and out may be the input itself', () => {
  const x = tensor([1, 2], { dtype: 'float32' });
  assert.equal(exp(x).dtype, 'float32');
  assert.equal(exp(x).data[0], Math.fround(Math.E));
  assert.equal(square(x, x), x);
  assert.deepEqual(x.toArray(), [1, 4]);
  assert.throws(
    () => abs(x, zeros([2])),
    /abs: out has shape \(2,\) float64, expected \(2,\) float32/,
  );
});
