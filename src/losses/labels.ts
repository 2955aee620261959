import { fmtShape, Tensor, type NestedArray } from '../tensor/tensor.js';
import { readLossData } from './loss-data.js';
import { LossInputError } from './loss-error.js';

/**
 * Class labels for a batch of N rows over C classes: indices (N) as an Int32Array, a plain array or
 * a 1-D tensor; one-hot rows (N, C) as a tensor or nested array; or one index (a number) for a
 * single row. The `Labels` type of src/layers is a subset of this.
 */
export type ClassTarget = Int32Array | readonly number[] | Tensor | NestedArray;

/** Options of {@link toClassIndices}. */
export interface ClassIndexOptions {
  /** A label value that marks a row to skip (PyTorch's ignore_index); it may lie outside 0..C−1. */
  ignoreIndex?: number;
  /** The argument name used in error messages. Default 'target'. */
  arg?: string;
}

/**
 * Normalises class labels to one Int32Array of indices: the only place where the book's
 * `if t.size == y.size: t = t.argmax(axis=1)` lives, typed and checked.
 *
 * - (N) indices, or one number when N = 1: every value an integer in 0..C−1 (or `ignoreIndex`).
 * - (N, C) one-hot rows, or (C) when N = 1 (the book's 1-D y with 1-D t): each row has exactly one 1
 *   and zeros elsewhere; the index of the 1 is the label.
 *
 * Shapes: t (N), (N, C), () or (C) → (N).
 * Book: the one-hot branch of cross_entropy_error (common/functions.py).
 * @example toClassIndices('demo', [[0, 0, 1], [1, 0, 0]], 2, 3)  // Int32Array [2, 0]
 */
export function toClassIndices(
  where: string,
  t: ClassTarget,
  rows: number,
  classes: number,
  options: ClassIndexOptions = {},
): Int32Array {
  const arg = options.arg ?? 'target';
  if (t instanceof Int32Array)
    return checkIndices(where, arg, t, rows, classes, options.ignoreIndex);
  const { data, shape } = readLossData(where, arg, t as Tensor | NestedArray);
  const expected = `${rows} class indices (${rows},) or one-hot rows (${rows}, ${classes})`;
  if (shape.length === 0 || (shape.length === 1 && shape[0] === rows)) {
    if (data.length !== rows)
      throw new LossInputError(where, arg, expected, `one index for ${rows} rows`);
    return checkIndices(where, arg, data, rows, classes, options.ignoreIndex);
  }
  const oneHot =
    (shape.length === 2 && shape[0] === rows && shape[1] === classes) ||
    (shape.length === 1 && rows === 1 && shape[0] === classes);
  if (!oneHot) throw new LossInputError(where, arg, expected, `shape ${fmtShape(shape)}`);
  return fromOneHot(where, arg, data, rows, classes);
}

function checkIndices(
  where: string,
  arg: string,
  values: ArrayLike<number>,
  rows: number,
  classes: number,
  ignoreIndex: number | undefined,
): Int32Array {
  if (values.length !== rows) {
    throw new LossInputError(where, arg, `${rows} class indices (one per row)`, `${values.length}`);
  }
  const out = new Int32Array(rows);
  for (let n = 0; n < rows; n++) {
    const v = values[n];
    if (v === ignoreIndex) {
      out[n] = v;
      continue;
    }
    if (!Number.isInteger(v)) {
      throw new LossInputError(where, `${arg}[${n}]`, 'an integer class index', String(v));
    }
    if (v < 0 || v >= classes) {
      const ignore = ignoreIndex === undefined ? '' : ` or ignoreIndex ${ignoreIndex}`;
      throw new LossInputError(
        where,
        `${arg}[${n}]`,
        `a class index in 0..${classes - 1}${ignore}`,
        String(v),
      );
    }
    out[n] = v;
  }
  return out;
}

function fromOneHot(
  where: string,
  arg: string,
  data: Float64Array,
  rows: number,
  classes: number,
): Int32Array {
  const out = new Int32Array(rows);
  for (let n = 0; n < rows; n++) {
    let hot = -1;
    let valid = true;
    for (let c = 0; c < classes; c++) {
      const v = data[n * classes + c];
      if (v === 1 && hot < 0) hot = c;
      else if (v !== 0) valid = false;
    }
    if (!valid || hot < 0) {
      const row = Array.from(data.subarray(n * classes, (n + 1) * classes));
      throw new LossInputError(
        where,
        `${arg} row ${n}`,
        'a one-hot row (exactly one 1, zeros elsewhere)',
        `[${row.join(', ')}]`,
      );
    }
    out[n] = hot;
  }
  return out;
}
