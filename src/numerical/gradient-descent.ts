import { clone, tensor } from '../tensor/creation.js';
import { axpyInPlace } from '../tensor/ops/inplace.js';
import type { Rng } from '../tensor/rng.js';
import type { NestedArray, Tensor } from '../tensor/tensor.js';
import { numericalGradient } from './numerical-gradient.js';

/** Options of gradientDescent. */
export interface GradientDescentOptions {
  /** The learning rate η (default 0.01, the book's). Too large overshoots, too small barely moves. */
  lr?: number;
  /** The number of steps (default 100); with `tolerance`, the most steps taken. */
  stepNum?: number;
  /**
   * Stop as soon as ‖∇f(x)‖ ≤ tolerance (default: never, run all stepNum steps). A stop test on
   * the gradient's norm fires near a minimum whatever η is; comparing L before and after a step
   * (`L(x') == L(x)`) almost never does in floating point.
   */
  tolerance?: number;
  /**
   * Gradient noise, as a mini-batch's estimate of the gradient has: each step adds std·N(0, 1)
   * to every component of ∇f before the update (drawn from `rng`, so a seed repeats the path).
   * Default none. Noise lets a descent leave a saddle point, where the exact gradient is 0.
   */
  noise?: { readonly std: number; readonly rng: Rng };
}

/** The result of gradientDescent: the final point and the path that led there. */
export interface GradientDescentResult {
  /** x after `stepNum` steps (a new tensor: the initial point is not modified). */
  readonly x: Tensor;
  /**
   * The path, one flat copy of x per point: the start, then x after each step (stepNum + 1
   * points). The book's x_history stops before the last step; gradlab keeps the end point so a
   * drawn path ends where x does.
   */
  readonly history: readonly (readonly number[])[];
  /** The steps taken: stepNum, or fewer when `tolerance` stopped the descent. */
  readonly steps: number;
  /** ‖∇f‖ at the last gradient computed (NaN when no step was asked for). */
  readonly gradientNorm: number;
}

/**
 * Gradient descent with the numerical gradient: repeat stepNum times x ← x − η·∇f(x).
 * ∇f comes from numericalGradient (central differences, h = 1e-4), so f only needs values.
 * Unlike the book, which updates init_x in place, the initial point is copied.
 * Shapes: initX any → x of the same shape (float64 unless initX is a float32 tensor).
 * Book: gradient_descent (ch04 §4.4.1, gradient_method.py).
 * @example
 * const f = (x: Tensor) => x.data[0] * x.data[0] + x.data[1] * x.data[1]; // function_2
 * gradientDescent(f, [-3, 4], { lr: 0.1, stepNum: 100 }).x.toArray();
 * // [-6.111107928998789e-10, 8.148143905314271e-10]
 * gradientDescent(f, [-3, 4], { lr: 0.1, stepNum: 1000, tolerance: 1e-6 }).steps; // → 73
 * const saddle = (x: Tensor) => x.data[0] ** 2 - x.data[1] ** 2;
 * gradientDescent(saddle, [-3, 0], { lr: 0.1, stepNum: 50 }).x.data[1]; // → 0
 * // stuck on the ridge
 */
export function gradientDescent(
  f: (x: Tensor) => number,
  initX: Tensor | NestedArray,
  options: GradientDescentOptions = {},
): GradientDescentResult {
  const lr = options.lr ?? 0.01;
  const stepNum = options.stepNum ?? 100;
  if (typeof lr !== 'number' || !Number.isFinite(lr)) {
    throw new RangeError(`gradientDescent: lr must be a finite number, got ${String(lr)}`);
  }
  if (!Number.isInteger(stepNum) || stepNum < 0) {
    throw new RangeError(`gradientDescent: stepNum must be an integer ≥ 0, got ${String(stepNum)}`);
  }
  const tolerance = options.tolerance ?? -1;
  if (options.tolerance !== undefined && !(tolerance >= 0)) {
    throw new RangeError(
      `gradientDescent: tolerance must be a number ≥ 0, got ${String(options.tolerance)}`,
    );
  }
  const noise = options.noise;
  if (noise && !(Number.isFinite(noise.std) && noise.std >= 0)) {
    throw new RangeError(
      `gradientDescent: noise.std must be a finite number ≥ 0, got ${String(noise.std)}`,
    );
  }
  const x = clone(tensor(initX));
  const history: number[][] = [Array.from(x.data)];
  let grad: Tensor | undefined;
  let steps = 0;
  let gradientNorm = NaN;
  for (; steps < stepNum; steps++) {
    grad = numericalGradient(f, x, 1e-4, grad);
    gradientNorm = Math.hypot(...grad.data);
    if (gradientNorm <= tolerance) break;
    if (noise)
      for (let i = 0; i < grad.data.length; i++)
        grad.data[i] = grad.data[i]! + noise.std * noise.rng.normal();
    axpyInPlace(x, -lr, grad); // x ← x − lr·grad, the same rounding as NumPy's x -= lr * grad
    history.push(Array.from(x.data));
  }
  return { x, history, steps, gradientNorm };
}
