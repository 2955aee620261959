import type { DType } from '../../backend/backend.js';
import { zeros } from '../creation.js';
import { fmtShape, sameShape, type Tensor } from '../tensor.js';

/**
 * Throws a RangeError unless a and b have the same shape; the message names the op and both shapes.
 * @example assertSameShape('add', zeros([2]), zeros([3])); // → throws RangeError: add: shape mismatch, (2,) vs (3,)
 */
export function assertSameShape(op: string, a: Tensor, b: Tensor): void {
  if (!sameShape(a.shape, b.shape)) {
    throw new RangeError(`${op}: shape mismatch, ${fmtShape(a.shape)} vs ${fmtShape(b.shape)}`);
  }
}

/**
 * Throws a TypeError unless every tensor has the dtype of the first, naming both dtypes.
 * @example assertSameDType('matmul', zeros([1]), zeros([1], { dtype: 'float32' })); // → throws TypeError
 */
export function assertSameDType(op: string, ...ts: Tensor[]): void {
  for (const t of ts) {
    if (t.dtype !== ts[0].dtype) {
      throw new TypeError(
        `${op}: dtype mismatch, ${ts[0].dtype} vs ${t.dtype} (convert with tensor(x, { dtype }))`,
      );
    }
  }
}

/**
 * Throws a RangeError unless t has `ndim` dimensions.
 * @example assertNDim('sumAxis0', zeros([3]), 2); // → throws RangeError: sumAxis0: expected a 2-D input, got shape (3,)
 */
export function assertNDim(op: string, t: Tensor, ndim: number, what = 'input'): void {
  if (t.ndim !== ndim) {
    throw new RangeError(`${op}: expected a ${ndim}-D ${what}, got shape ${fmtShape(t.shape)}`);
  }
}

/**
 * Rows and columns of a 1-D (one row) or 2-D tensor, for the row-wise ops (softmax, argmax).
 * Shapes: (C) → [1, C]; (N, C) → [N, C]; anything else throws naming the op and the shape.
 * @example rowsCols('softmax', zeros([4, 10])); // → [4, 10]
 */
export function rowsCols(op: string, x: Tensor): [number, number] {
  if (x.ndim === 1) return [1, x.shape[0]];
  if (x.ndim === 2) return [x.shape[0], x.shape[1]];
  throw new RangeError(
    `${op}: expected a 1-D (C) or 2-D (N, C) tensor, got shape ${fmtShape(x.shape)}`,
  );
}

/**
 * The first of `rows` labels that is not a class index in 0..classes−1 (nor `ignoreIndex`), or −1
 * when all are. The one rule for class labels: toClassIndices (losses/labels.ts) reports what it
 * finds to users, and the fused softmax-cross-entropy ops use it to keep kernels inside each row.
 * Shapes: labels (≥ rows).
 * @example firstBadClassIndex([2, 0, 3], 3, 3)  // 2 (3 is not in 0..2)
 */
export function firstBadClassIndex(
  labels: ArrayLike<number>,
  rows: number,
  classes: number,
  ignoreIndex?: number,
): number {
  for (let r = 0; r < rows; r++) {
    const t = labels[r];
    if (t === ignoreIndex) continue;
    if (!(Number.isInteger(t) && t >= 0 && t < classes)) return r;
  }
  return -1;
}

/**
 * The output tensor of an op: `out` when given (it must have the right shape and dtype), else a new one.
 * Passing `out` lets a caller reuse a buffer from one step to the next without allocating.
 * @example outFor('exp', undefined, [2], 'float64').shape  // [2] (new zeros)
 */
export function outFor(
  op: string,
  out: Tensor | undefined,
  shape: readonly number[],
  dtype: DType,
): Tensor {
  if (out === undefined) return zeros(shape, { dtype });
  if (!sameShape(out.shape, shape) || out.dtype !== dtype) {
    throw new RangeError(
      `${op}: out has shape ${fmtShape(out.shape)} ${out.dtype}, expected ${fmtShape(shape)} ${dtype}`,
    );
  }
  return out;
}

/**
 * A buffer of the given shape and dtype: `previous` when it already fits, else a new tensor.
 * Layers keep their outputs and gradients this way, so a training step with fixed shapes allocates nothing.
 * @example this.#out = relu(x, reuse(this.#out, x.shape, x.dtype)); // not run: inside a layer's forward
 */
export function reuse(
  previous: Tensor | undefined,
  shape: readonly number[],
  dtype: DType,
): Tensor {
  if (previous !== undefined && previous.dtype === dtype && sameShape(previous.shape, shape))
    return previous;
  return zeros(shape, { dtype });
}
