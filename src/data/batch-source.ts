import type { Tensor } from '../tensor/tensor.js';

/**
 * What a data set's targets are: class indices over `classes` classes (names kept when the
 * classes came from strings), or `width` floats per row (regression, counts, 0/1 outcomes).
 * @example
 * const iris: TargetInfo = { kind: 'class', classes: 3, names: ['setosa', 'versicolor', 'virginica'] };
 * const mpg: TargetInfo = { kind: 'value', width: 1 };
 */
export type TargetInfo =
  | { readonly kind: 'class'; readonly classes: number; readonly names?: readonly string[] }
  | { readonly kind: 'value'; readonly width: number };

/**
 * A batch's targets as the network's loss takes them: class indices (N) or float rows (N, width).
 * @example
 * const t: BatchTargets = new Int32Array(100); // or zeros([100, 1])
 */
export type BatchTargets = Int32Array | Tensor;

/**
 * A data set as the training loop sees it: `count` rows of `features` floats and a target per
 * row, written one batch at a time into reused buffers. How the rows are stored is the data set's
 * business: MNIST keeps bytes and divides by 255 per batch (imageDataset), a CSV keeps float32
 * rows (tableDataset). Both give the same floats for the same indices on every call.
 * Shapes: fillBatch writes x (≥ count, features) and t (≥ count) indices or (≥ count, width) values.
 * Book: x_train[batch_mask], t_train[batch_mask] in train_neuralnet.py.
 * @example
 * ds.fillBatch(sampler.next(), 100, x, t); // x (100, 784), t Int32Array(100) (not run: needs a dataset)
 */
export interface Dataset {
  /** Rows. */
  readonly count: number;
  /** Floats per row: the network's input size. */
  readonly features: number;
  readonly target: TargetInfo;
  /** Writes rows indices[0..count) into x and their targets into t (no allocation). */
  fillBatch(indices: Int32Array, count: number, x: Tensor, t: BatchTargets): void;
  /** A data set of the rows at `indices`, in that order. */
  subset(indices: ArrayLike<number>): Dataset;
}

/**
 * The network output size a target needs before any head transform: the class count, or the width.
 * @example
 * targetWidth({ kind: 'class', classes: 10 }); // 10
 */
export function targetWidth(target: TargetInfo): number {
  return target.kind === 'class' ? target.classes : target.width;
}

/**
 * Throws a RangeError naming `fn` unless indices[0..count) are row numbers of a set of `rows`.
 * @example
 * checkRowIndices('fillBatch', Int32Array.of(0, 9), 2, 10); // ok
 */
export function checkRowIndices(
  fn: string,
  indices: Int32Array,
  count: number,
  rows: number,
): void {
  if (!Number.isInteger(count) || count < 0 || count > indices.length) {
    throw new RangeError(`${fn}: count must be an integer in 0..${indices.length}, got ${count}`);
  }
  for (let i = 0; i < count; i++) {
    const k = indices[i];
    if (k < 0 || k >= rows) {
      throw new RangeError(`${fn}: indices[${i}] is ${k}, expected an integer in 0..${rows - 1}`);
    }
  }
}
