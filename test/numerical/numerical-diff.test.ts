import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numericalDiff } from '../../src/numerical/numerical-diff.js';
import { numericalGradient } from '../../src/numerical/numerical-gradient.js';
import { tensor } from '../../src/tensor/index.js';

const function1 = (x: number): number => 0.01 * x ** 2 + 0.1 * x;

test('numericalDiff reproduces the book values at x = 5 and x = 10 exactly', () => {
  assert.equal(numericalDiff(function1, 5), 0.1999999999990898);
  assert.equal(numericalDiff(function1, 10), 0.2999999999986347);
});

test('the partial derivatives of x0² + x1² at (3, 4) match the book', () => {
  assert.equal(numericalDiff((x0) => x0 * x0 + 4.0 ** 2.0, 3.0), 6.00000000000378);
  assert.equal(numericalDiff((x1) => 3.0 ** 2.0 + x1 * x1, 4.0), 7.999999999999119);
});

test('forward differences are less accurate than central ones, and h = 1e-50 gives 0', () => {
  const central = Math.abs(numericalDiff(function1, 5) - 0.2);
  const forward = Math.abs(numericalDiff(function1, 5, { method: 'forward' }) - 0.2);
  assert.ok(forward > 100 * central);
  assert.equal(numericalDiff(function1, 5, { h: 1e-50 }), 0);
});

test('numericalGradient of x0² + x1² matches the book at three points', () => {
  const f = (x: { data: ArrayLike<number> }): number => x.data[0] ** 2 + x.data[1] ** 2;
  const near = (a: ArrayLike<number>, b: number[]): void =>
    b.forEach((v, i) => assert.ok(Math.abs(a[i] - v) < 1e-6, `${a[i]} vs ${v}`));
  near(numericalGradient(f, tensor([3.0, 4.0])).data, [6, 8]);
  near(numericalGradient(f, tensor([0.0, 2.0])).data, [0, 4]);
  near(numericalGradient(f, tensor([3.0, 0.0])).data, [6, 0]);
});

test('numericalGradient restores every element it perturbs', () => {
  const x = tensor([[1.5, -2], [0.25, 3]]);
  numericalGradient((t) => t.data[0] * t.data[3], x);
  assert.deepEqual(x.toArray(), [[1.5, -2], [0.25, 3]]);
});
