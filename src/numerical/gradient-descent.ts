import { clone, tensor } from '../tensor/creation.js';
import { axpyInPlace } from '../tensor/ops/inplace.js';
import type { NestedArray, Tensor } from '../tensor/tensor.js';
import { numericalGradient } from './numerical-gradient.js';

/** Options of gradientDescent. */
export interface GradientDescentOptions {
  /** The learning rate η (default 0.01, the book's). Too large overshoots, too small barely moves. */
  lr?: number;
  /** The number of steps (default 100). */
  stepNum?: number;
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
  const x = clone(tensor(initX));
  const history: number[][] = [Array.from(x.data)];
  let grad: Tensor | undefined;
  for (let i = 0; i < stepNum; i++) {
    grad = numericalGradient(f, x, 1e-4, grad);
    axpyInPlace(x, -lr, grad); // x ← x − lr·grad, the same rounding as NumPy's x -= lr * grad
    history.push(Array.from(x.data));
  }
  return { x, history };
}
