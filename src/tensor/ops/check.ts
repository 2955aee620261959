import type { DType } from '../../backend/backend.js';
import { zeros } from '../creation.js';
import { fmtShape, sameShape, type Tensor } from '../tensor.js';

/** Throws unless a and b have the same shape; the message names the op and both shapes. */
export function assertSameShape(op: string, a: Tensor, b: Tensor): void {
  if (!sameShape(a.shape, b.shape)) {
    throw new RangeError(`${op}: shape mismatch, ${fmtShape(a.shape)} vs ${fmtShape(b.shape)}`);
  }
}

/** Throws unless every tensor has the dtype of the first. */
export function assertSameDType(op: string, ...ts: Tensor[]): void {
  for (const t of ts) {
    if (t.dtype !== ts[0].dtype) {
      throw new TypeError(`${op}: dtype mismatch, ${ts[0].dtype} vs ${t.dtype} (convert with tensor(x, { dtype }))`);
    }
  }
}

/** Throws unless t has `ndim` dimensions. */
export function assertNDim(op: string, t: Tensor, ndim: number, what = 'input'): void {
  if (t.ndim !== ndim) {
    throw new RangeError(`${op}: expected a ${ndim}-D ${what}, got shape ${fmtShape(t.shape)}`);
  }
}

/**
 * The output tensor of an op: `out` when given (it must have the right shape and dtype), else a new one.
 * Passing `out` lets a caller reuse a buffer from one step to the next without allocating.
 */
export function outFor(op: string, out: Tensor | undefined, shape: readonly number[], dtype: DType): Tensor {
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
 */
export function reuse(previous: Tensor | undefined, shape: readonly number[], dtype: DType): Tensor {
  if (previous !== undefined && previous.dtype === dtype && sameShape(previous.shape, shape)) return previous;
  return zeros(shape, { dtype });
}
