import { getBackend } from '../../backend/registry.js';
import type { Tensor } from '../tensor.js';
import { assertNDim, outFor } from './check.js';

/** Σ x over all elements (accumulated in float64). */
export function sum(x: Tensor): number {
  return getBackend().sum(x.storage);
}

/** The mean of all elements. */
export function mean(x: Tensor): number {
  return sum(x) / x.size;
}

/**
 * Column sums of a 2-D tensor: out[c] = Σ_r x[r, c]. Shapes: x (N, M) → (M).
 * Book: np.sum(dout, axis=0), Affine's db.
 */
export function sumAxis0(x: Tensor, out?: Tensor): Tensor {
  assertNDim('sumAxis0', x, 2);
  const [rows, cols] = x.shape;
  const o = outFor('sumAxis0', out, [cols], x.dtype);
  getBackend().sumAxis0(rows, cols, x.storage, o.storage);
  return o;
}

/**
 * The index of the largest entry of each row (first on ties). Shapes: x (N, C) or (C) → (N) or (1).
 * Book: np.argmax(y, axis=1).
 */
export function argmaxRows(x: Tensor, out?: Int32Array): Int32Array {
  const cols = x.shape[x.ndim - 1];
  const rows = x.ndim === 1 ? 1 : x.size / cols;
  const o = out ?? new Int32Array(rows);
  getBackend().argmaxRows(rows, cols, x.storage, o);
  return o;
}
