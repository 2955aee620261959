import { getBackend } from '../../backend/registry.js';
import type { Tensor } from '../tensor.js';
import { assertNDim, outFor, rowsCols } from './check.js';

/**
 * The sum of all elements, Σᵢ xᵢ, accumulated in float64 whatever the dtype. Shapes: any → a number.
 * Book: np.sum(x).
 * @example sum(tensor([[1, 2], [3, 4]])); // → 10
 */
export function sum(x: Tensor): number {
  return getBackend().sum(x.storage);
}

/**
 * The mean of all elements, (1/n) Σᵢ xᵢ (NaN for an empty tensor). Shapes: any → a number.
 * Book: np.mean(x).
 * @example mean(tensor([1, 2, 3, 6])); // → 3
 */
export function mean(x: Tensor): number {
  return sum(x) / x.size;
}

/**
 * Column sums of a 2-D tensor: out[c] = Σ_r x[r, c]. Shapes: x (N, M) → (M).
 * Book: np.sum(dout, axis=0), Affine's db.
 * @example sumAxis0(tensor([[1, 2], [3, 4]])).toArray(); // → [4, 6]
 */
export function sumAxis0(x: Tensor, out?: Tensor): Tensor {
  assertNDim('sumAxis0', x, 2);
  const [rows, cols] = x.shape;
  const o = outFor('sumAxis0', out, [cols], x.dtype);
  getBackend().sumAxis0(rows, cols, x.storage, o.storage);
  return o;
}

/**
 * The index of the largest entry of each row (the first on ties): out[n] = argmaxₖ x[n, k].
 * `out` may be longer than N (a buffer sized for the largest batch); only N entries are written.
 * Shapes: x (N, C) → (N), or (C) → (1). Book: np.argmax(y, axis=1).
 * @example argmaxRows(tensor([[0.1, 0.8, 0.1], [0.6, 0.3, 0.1]])); // → [1, 0]
 */
export function argmaxRows(x: Tensor, out?: Int32Array): Int32Array {
  const [rows, cols] = rowsCols('argmaxRows', x);
  if (out !== undefined && out.length < rows) {
    throw new RangeError(
      `argmaxRows: out: expected at least ${rows} elements (one per row), got ${out.length}`,
    );
  }
  const o = out ?? new Int32Array(rows);
  getBackend().argmaxRows(rows, cols, x.storage, o);
  return o;
}
