import { toClassIndices } from '../losses/labels.js';
import type { Labels } from './layer.js';
import { LayerError } from './layer-error.js';

/**
 * Class labels as indices (N) in a reused buffer, for N rows of C classes. Labels may be
 * indices (N) or one-hot rows (N, C); the rules live in one place, losses/labels.ts
 * (toClassIndices). The common training case, an Int32Array of N indices, is only range-checked
 * and copied, so a step with a fixed batch size allocates nothing.
 * Shapes: t (N) or (N, C) → (N). Book: the one-hot test in cross_entropy_error (common/functions.py).
 * @example
 * classIndicesInto(tensor([[0, 0, 1], [1, 0, 0]]), 2, 3, 'SoftmaxWithLoss'); // Int32Array [2, 0]
 */
export function classIndicesInto(
  t: Labels,
  rows: number,
  classes: number,
  where: string,
  out?: Int32Array,
): Int32Array {
  const result = out !== undefined && out.length === rows ? out : new Int32Array(rows);
  if (!(t instanceof Int32Array && t.length === rows)) {
    result.set(toClassIndices(where, t, rows, classes, { arg: 't' }));
    return result;
  }
  for (let r = 0; r < rows; r++) {
    if (t[r] < 0 || t[r] >= classes) {
      throw new LayerError(`${where}: t[${r}] = ${t[r]} is not a class index in 0..${classes - 1}`);
    }
  }
  result.set(t);
  return result;
}
