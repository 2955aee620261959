import { firstBadClassIndex } from '../tensor/ops/check.js';
import { fmtShape, Tensor, type NestedArray } from '../tensor/tensor.js';
import { readLossData } from './loss-data.js';
import { LossInputError } from './loss-error.js';

/**
 * Class labels for a batch of N rows over C classes: indices (N) as an Int32Array, a plain array or
 * a 1-D tensor; one-hot rows (N, C) as a tensor or nested array; or one index (a number) for a
 * single row. Layers and networks take the same type under the name `Labels`.
 * @example
 * const t: ClassTarget = new Int32Array([2, 0]);  // or [2, 0], tensor([2, 0]), [[0, 0, 1], [1, 0, 0]]
 */
export type ClassTarget = Int32Array | readonly number[] | Tensor | NestedArray;

/** Options of {@link toClassIndices}. */
export interface ClassIndexOptions {
  /** A label value that marks a row to skip (PyTorch's ignore_index); it may lie outside 0..C−1. */
  ignoreIndex?: number;
  /** The argument name used in error messages. Default 'target'. */
  arg?: string;
  /**
   * A buffer to write the indices into when its length is N (otherwise a new array is returned).
   * With it, Int32Array labels are checked and copied without allocating: the training-step path.
   */
  out?: Int32Array;
}

/**
 * Normalises class labels to one Int32Array of indices: the only place where the book's
 * `if t.size == y.size: t = t.argmax(axis=1)` lives, typed and checked. Layers, networks and
 * losses all read labels through it.
 *
 * - (N) indices, or one number when N = 1: every value an integer in 0..C−1 (or `ignoreIndex`).
 * - (N, C) one-hot rows, or (C) when N = 1 (the book's 1-D y with 1-D t): each row has exactly one 1
 *   and zeros elsewhere; the index of the 1 is the label.
 *
 * Throws LossInputError naming `where`, the argument, what was expected and what was found.
 * Shapes: t (N), (N, C), () or (C) → (N).
 * Book: the one-hot branch of cross_entropy_error (common/functions.py).
 * @example toClassIndices('demo', [[0, 0, 1], [1, 0, 0]], 2, 3); // → [2, 0]
 */
export function toClassIndices(
  where: string,
  t: ClassTarget,
  rows: number,
  classes: number,
  options: ClassIndexOptions = {},
): Int32Array {
  const arg = options.arg ?? 'target';
  const out = options.out?.length === rows ? options.out : new Int32Array(rows);
  if (t instanceof Int32Array)
    return checkIndices(where, arg, t, out, classes, options.ignoreIndex);
  const { data, shape } = readLossData(where, arg, t as Tensor | NestedArray);
  const expected = `${rows} class indices (${rows},) or one-hot rows (${rows}, ${classes})`;
  if (shape.length === 0 || (shape.length === 1 && shape[0] === rows)) {
    if (data.length !== rows)
      throw new LossInputError(where, arg, expected, `one index for ${rows} rows`);
    return checkIndices(where, arg, data, out, classes, options.ignoreIndex);
  }
  const oneHot =
    (shape.length === 2 && shape[0] === rows && shape[1] === classes) ||
    (shape.length === 1 && rows === 1 && shape[0] === classes);
  if (!oneHot) throw new LossInputError(where, arg, expected, `shape ${fmtShape(shape)}`);
  return fromOneHot(where, arg, data, out, classes);
}

/** Checks `values` by the one rule (firstBadClassIndex) and copies them into `out`. */
function checkIndices(
  where: string,
  arg: string,
  values: ArrayLike<number>,
  out: Int32Array,
  classes: number,
  ignoreIndex: number | undefined,
): Int32Array {
  const rows = out.length;
  if (values.length !== rows) {
    throw new LossInputError(where, arg, `${rows} class indices (one per row)`, `${values.length}`);
  }
  const bad = firstBadClassIndex(values, rows, classes, ignoreIndex);
  if (bad >= 0) {
    const v = values[bad];
    const ignore = ignoreIndex === undefined ? '' : ` or ignoreIndex ${ignoreIndex}`;
    const expected = Number.isInteger(v)
      ? `a class index in 0..${classes - 1}${ignore}`
      : 'an integer class index';
    throw new LossInputError(where, `${arg}[${bad}]`, expected, String(v));
  }
  if (values !== out) out.set(values);
  return out;
}

/**
 * The index of the 1 in each one-hot row, written into `out` only once every row is valid, so a
 * reused buffer is never left half-written.
 */
function fromOneHot(
  where: string,
  arg: string,
  data: Float64Array,
  out: Int32Array,
  classes: number,
): Int32Array {
  for (let n = 0; n < out.length; n++) {
    if (hotIndex(data, n, classes) < 0) {
      const row = Array.from(data.subarray(n * classes, (n + 1) * classes));
      throw new LossInputError(
        where,
        `${arg} row ${n}`,
        'a one-hot row (exactly one 1, zeros elsewhere)',
        `[${row.join(', ')}]`,
      );
    }
  }
  for (let n = 0; n < out.length; n++) out[n] = hotIndex(data, n, classes);
  return out;
}

/** The position of the single 1 in row n, or −1 when the row is not one-hot. */
function hotIndex(data: Float64Array, n: number, classes: number): number {
  let hot = -1;
  for (let c = 0; c < classes; c++) {
    const v = data[n * classes + c];
    if (v === 1 && hot < 0) hot = c;
    else if (v !== 0) return -1;
  }
  return hot;
}
