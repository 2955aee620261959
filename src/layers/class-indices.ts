import { argmaxRows } from '../tensor/ops/reduce.js';
import { fmtShape, Tensor } from '../tensor/tensor.js';
import type { Labels } from './layer.js';
import { LayerError } from './layer-error.js';

/**
 * Class labels as indices (N), whichever form they came in, for N rows of C classes:
 * - indices: an Int32Array, a number[] or a 1-D tensor of N integers in 0..C−1;
 * - one-hot: a tensor or number[] of N·C numbers, (N, C) or flat; each row's argmax is its
 *   class (the book's `t.argmax(axis=1)` when t.size == y.size; soft targets become their argmax).
 * Writes into `out` when it has N slots, so a training step with a fixed batch size allocates nothing.
 * Shapes: t (N) or (N, C) → (N). Book: the one-hot test in cross_entropy_error (common/functions.py).
 * @example
 * toClassIndices(tensor([[0, 0, 1], [1, 0, 0]]), 2, 3, 'SoftmaxWithLoss'); // Int32Array [2, 0]
 */
export function toClassIndices(
  t: Labels,
  rows: number,
  classes: number,
  where: string,
  out?: Int32Array,
): Int32Array {
  const result = out !== undefined && out.length === rows ? out : new Int32Array(rows);
  const size = t instanceof Tensor ? t.size : t.length;
  if (classes !== 1 && size === rows * classes) {
    if (t instanceof Tensor) return argmaxRows(t.reshape([rows, classes]), result);
    for (let r = 0; r < rows; r++) {
      let best = 0;
      for (let c = 1; c < classes; c++) if (t[r * classes + c] > t[r * classes + best]) best = c;
      result[r] = best;
    }
    return result;
  }
  if (size !== rows || (t instanceof Tensor && t.ndim !== 1)) {
    const found = t instanceof Tensor ? `shape ${fmtShape(t.shape)}` : `${size} labels`;
    throw new LayerError(
      `${where}: labels must be ${rows} class indices or ${rows}×${classes} one-hot rows, got ${found}`,
    );
  }
  const values = t instanceof Tensor ? t.data : t;
  for (let r = 0; r < rows; r++) {
    const v = values[r];
    if (!Number.isInteger(v) || v < 0 || v >= classes) {
      throw new LayerError(`${where}: label ${v} at row ${r} is not a class index in 0..${classes - 1}`);
    }
    result[r] = v;
  }
  return result;
}
