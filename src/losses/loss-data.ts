import { type DType, fmtShape, type NestedArray, sameShape, Tensor } from '../tensor/tensor.js';
import { tensor } from '../tensor/creation.js';
import { LossInputError } from './loss-error.js';

/** A loss argument read into float64: a private copy of the numbers, the shape and the caller's dtype. */
export interface LossData {
  readonly data: Float64Array;
  readonly shape: readonly number[];
  /** The dtype of the argument (float64 for nested arrays); outputs and gradients are given back in it. */
  readonly dtype: DType;
}

/**
 * Reads a Tensor or nested array as float64. The numbers are copied, so a caller may change its
 * tensor between forward and backward (as numericalGradient does) without corrupting the cache.
 * @example readLossData('mseLoss', 'input', [[1, 2]])  // { data: Float64Array [1, 2], shape: [1, 2], dtype: 'float64' }
 */
export function readLossData(where: string, arg: string, value: Tensor | NestedArray): LossData {
  let t: Tensor;
  try {
    t = tensor(value);
  } catch (e) {
    const found = e instanceof Error ? e.message : String(e);
    throw new LossInputError(
      where,
      arg,
      'a Tensor or a rectangular nested array of numbers',
      found,
    );
  }
  return { data: Float64Array.from(t.data), shape: t.shape, dtype: t.dtype };
}

/**
 * Throws unless `b` has exactly the shape of `a` (PyTorch broadcasts some targets with a warning; we refuse).
 * @example assertSameLossShape('mseLoss', input, target) // LossInputError: mseLoss: target: expected the input's shape (2,), found (3,) (not run: needs LossData)
 */
export function assertSameLossShape(
  where: string,
  a: LossData,
  b: LossData,
  what = 'target',
): void {
  if (!sameShape(a.shape, b.shape)) {
    throw new LossInputError(
      where,
      what,
      `the input's shape ${fmtShape(a.shape)}`,
      fmtShape(b.shape),
    );
  }
}

/**
 * An optional per-element weight broadcast to `shape` by NumPy's rules (dimensions aligned on the
 * right; each is equal or 1), as a float64 array of the full size; undefined when not given.
 * Shapes: weight broadcastable to shape → (numel of shape).
 * @example broadcastWeight('bceLoss', 'options.weight', [1, 2], [2, 2]); // → [1, 2, 1, 2]
 */
export function broadcastWeight(
  where: string,
  arg: string,
  weight: Tensor | NestedArray | undefined,
  shape: readonly number[],
): Float64Array | undefined {
  if (weight === undefined) return undefined;
  const w = readLossData(where, arg, weight);
  const offset = shape.length - w.shape.length;
  const fits = offset >= 0 && w.shape.every((d, i) => d === 1 || d === shape[offset + i]);
  if (!fits) {
    throw new LossInputError(
      where,
      arg,
      `a shape that broadcasts to ${fmtShape(shape)}`,
      fmtShape(w.shape),
    );
  }
  const size = shape.reduce((a, b) => a * b, 1);
  const out = new Float64Array(size);
  const index = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < size; i++) {
    let k = 0;
    for (let d = 0; d < w.shape.length; d++) {
      const wd = w.shape[d];
      k = k * wd + (wd === 1 ? 0 : index[offset + d]);
    }
    out[i] = w.data[k];
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++index[d] < shape[d]) break;
      index[d] = 0;
    }
  }
  return out;
}
