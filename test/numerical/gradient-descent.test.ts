import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gradientDescent } from '../../src/numerical/gradient-descent.js';
import { createRng, tensor, type Tensor } from '../../src/tensor/index.js';

// function_2 of the book, written with x*x as NumPy's x**2 computes it.
const function2 = (x: Tensor): number => x.data[0] * x.data[0] + x.data[1] * x.data[1];

/** Asserts that `actual` agrees with the printed `expected` to `digits` significant digits. */
function assertSignificant(actual: ArrayLike<number>, expected: number[], digits: number): void {
  expected.forEach((e, i) => {
    const rel = Math.abs(actual[i] - e) / Math.abs(e);
    assert.ok(rel < 0.5 * 10 ** (1 - digits), `element ${i}: ${actual[i]} vs printed ${e}`);
  });
}

test('lr 0.1 for 100 steps from (−3, 4) reaches the book values', () => {
  const { x } = gradientDescent(function2, [-3.0, 4.0], { lr: 0.1, stepNum: 100 });
  assertSignificant(x.data, [-6.11110793e-10, 8.14814391e-10], 9);
  // Bit-identical to NumPy running the book's code (re-run, float64).
  assert.deepEqual(x.toArray(), [-6.111107928998789e-10, 8.148143905314271e-10]);
});

test('lr 10 overshoots and diverges to the book values', () => {
  const { x } = gradientDescent(function2, [-3.0, 4.0], { lr: 10, stepNum: 100 });
  assertSignificant(x.data, [-2.58983747e13, -1.29524862e12], 9);
  assert.deepEqual(x.toArray(), [-25898374737328.363, -1295248616896.5398]);
});

test('lr 1e-10 barely moves from the start', () => {
  const { x } = gradientDescent(function2, [-3.0, 4.0], { lr: 1e-10, stepNum: 100 });
  assertSignificant(x.data, [-2.99999994, 3.99999992], 9);
  assert.deepEqual(x.toArray(), [-2.999999939999995, 3.9999999199999934]);
});

test('the default lr 0.01 gets part of the way', () => {
  const { x } = gradientDescent(function2, [-3.0, 4.0]);
  assertSignificant(x.data, [-0.39785867, 0.53047822], 8);
  assert.deepEqual(x.toArray(), [-0.39785866768397027, 0.5304782235783754]);
});

test('history holds the start and every step, and the initial point is left unchanged', () => {
  const init = tensor([-3.0, 4.0]);
  const { x, history } = gradientDescent(function2, init, { lr: 0.1, stepNum: 20 });
  assert.equal(history.length, 21);
  assert.deepEqual(history[0], [-3, 4]);
  // The first step is (−3, 4) − 0.1·(−6, 8) = (−2.4, 3.2) up to the finite-difference error.
  assert.ok(Math.abs(history[1][0] + 2.4) < 1e-9 && Math.abs(history[1][1] - 3.2) < 1e-9);
  assert.deepEqual(history[20], Array.from(x.data));
  assert.deepEqual(init.toArray(), [-3, 4]);
});

test('bad lr or stepNum throw a RangeError naming the option', () => {
  assert.throws(
    () => gradientDescent(function2, [1, 1], { lr: Number.NaN }),
    /lr must be a finite number/,
  );
  assert.throws(
    () => gradientDescent(function2, [1, 1], { stepNum: -1 }),
    /stepNum must be an integer/,
  );
  assert.throws(() => gradientDescent(function2, [1, 1], { stepNum: 1.5 }), RangeError);
});

test('tolerance stops the descent once ‖∇f‖ ≤ tolerance, and the path ends there', () => {
  const r = gradientDescent(function2, [-3.0, 4.0], { lr: 0.1, stepNum: 1000, tolerance: 1e-6 });
  // ‖∇f‖ = 10·0.8^k falls to 1e-6 at k = 73 (0.8^73·10 ≈ 8.4e-7, 0.8^72·10 ≈ 1.05e-6).
  assert.equal(r.steps, 73);
  assert.equal(r.history.length, 74);
  assert.ok(r.gradientNorm <= 1e-6 && r.gradientNorm > 8e-7, String(r.gradientNorm));
  const all = gradientDescent(function2, [-3.0, 4.0], { lr: 0.1, stepNum: 100 });
  assert.equal(all.steps, 100);
  assert.throws(
    () => gradientDescent(function2, [1, 1], { tolerance: -1 }),
    /tolerance must be a number ≥ 0, got -1/,
  );
});

test('gradient noise lets the descent leave a saddle point; a seed repeats the path', () => {
  const saddle = (x: Tensor): number => x.data[0]! ** 2 - x.data[1]! ** 2;
  const exact = gradientDescent(saddle, [-3, 0], { lr: 0.1, stepNum: 60 });
  assert.equal(exact.x.data[1], 0);
  assert.ok(Math.abs(exact.x.data[0]!) < 1e-4, 'the exact gradient walks into the saddle');
  const noisy = (seed: number) =>
    gradientDescent(saddle, [-3, 0], {
      lr: 0.1,
      stepNum: 60,
      noise: { std: 0.1, rng: createRng(seed) },
    });
  assert.ok(Math.abs(noisy(1).x.data[1]!) > 1, `escapes along x1: ${noisy(1).x.data[1]}`);
  assert.deepEqual(noisy(1).history, noisy(1).history);
  assert.throws(
    () => gradientDescent(saddle, [0, 0], { noise: { std: -1, rng: createRng(0) } }),
    /noise.std/,
  );
});
