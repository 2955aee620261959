import type { Labels } from '../layers/layer.js';
import { toClassIndices } from '../losses/labels.js';
import { tensor } from '../tensor/creation.js';
import { fmtShape, Tensor } from '../tensor/tensor.js';
import { HeadError, TargetError } from './head-error.js';

/**
 * The rows and columns of a head's output, which must be 2-D (N, K) with K accepted by `width`.
 * @example outputShape('gaussian', tensor([[1, 2]]))  // [1, 2]
 */
export function outputShape(
  head: string,
  output: Tensor,
  width: (k: number) => boolean = () => true,
  expected = 'K',
): [number, number] {
  if (output.ndim !== 2 || !width(output.shape[1])) {
    throw new HeadError(
      `${head} head: output must be 2-D (N, ${expected}), got ${fmtShape(output.shape)}`,
    );
  }
  return [output.shape[0], output.shape[1]];
}

/**
 * Real targets as float64 numbers in row-major (N, size) order: a tensor or nested array of shape
 * (N, size), or (N) when size is 1; every value finite (else a TargetError with its row, column).
 * Shapes: t (N, size) or (N) → (N·size).
 * @example realTargets('gaussian', [[1], [2]], 2, 1)  // Float64Array [1, 2]
 */
export function realTargets(head: string, t: Labels, rows: number, size: number): Float64Array {
  let v: Tensor;
  try {
    v = t instanceof Int32Array ? tensor(Array.from(t)) : tensor(t as Tensor);
  } catch (e) {
    throw new HeadError(`${head} head: targets: ${e instanceof Error ? e.message : String(e)}`);
  }
  const okShape =
    (v.ndim === 2 && v.shape[0] === rows && v.shape[1] === size) ||
    (v.ndim === 1 && size === 1 && v.shape[0] === rows);
  if (!okShape) {
    throw new HeadError(
      `${head} head: targets must have shape (${rows}, ${size})${size === 1 ? ` or (${rows},)` : ''}, got ${fmtShape(v.shape)}`,
    );
  }
  const y = Float64Array.from(v.data);
  y.forEach((value, i) => {
    if (!Number.isFinite(value))
      throw new TargetError(head, Math.floor(i / size), i % size, 'a finite number', value);
  });
  return y;
}

/**
 * Checks that every real target satisfies `ok` (the support), naming the first that does not.
 * @example checkSupport('poisson', [[1], [2.5]], 1, (v) => Number.isInteger(v) && v >= 0, 'a count'); // → throws TargetError
 */
export function checkSupport(
  head: string,
  t: Labels,
  size: number,
  ok: (y: number) => boolean,
  expected: string,
): void {
  const y = realTargets(head, t, targetRows(t), size);
  y.forEach((value, i) => {
    if (!ok(value)) throw new TargetError(head, Math.floor(i / size), i % size, expected, value);
  });
}

/**
 * Class targets as indices in 0..C−1: an index per row (a TargetError names a bad row), or one-hot rows.
 * Shapes: t (N) or (N, C) → (N).
 * @example classTargets('categorical', [2, 0], 2, 3)  // Int32Array [2, 0]
 */
export function classTargets(head: string, t: Labels, rows: number, classes: number): Int32Array {
  const isOneHot =
    (t instanceof Tensor && t.ndim === 2) || (Array.isArray(t) && Array.isArray(t[0]));
  if (!isOneHot) {
    const values =
      t instanceof Tensor ? t.data : typeof t === 'number' ? [t] : (t as ArrayLike<number>);
    for (let i = 0; i < values.length; i++) {
      const c = values[i] as number;
      if (!(Number.isInteger(c) && c >= 0 && c < classes)) {
        throw new TargetError(head, i, 0, `a class index 0..${classes - 1}`, c);
      }
    }
  }
  return toClassIndices(`${head} head`, t, rows, classes, { arg: 'targets' });
}

/**
 * The number of rows a target holds (for checkTarget, which sees no output).
 * @example targetRows([[1], [2], [3]])  // 3
 */
export function targetRows(t: Labels): number {
  if (typeof t === 'number') return 1;
  if (t instanceof Tensor) return t.ndim === 0 ? 1 : t.shape[0];
  return t.length;
}
