import type { Rng } from '../tensor/rng.js';
import { validationIndices } from './split.js';

/**
 * A labelled image set kept as bytes: 60000 × 784 MNIST images are 47 MB as Uint8Array but
 * 376 MB as float64, so pixels become floats only one batch at a time (fillImageBatch).
 * Shapes: images (count · rows · cols) row-major, 0 = background; labels (count), each < classes.
 * Book: load_mnist returns (x_train, t_train), (x_test, t_test); gradlab keeps the raw bytes.
 */
export interface ImageDataset {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  readonly classes: number;
}

/**
 * A new dataset holding the samples at `indices`, in that order (copies the bytes).
 * Shapes: (N, rows, cols) -> (indices.length, rows, cols).
 * @example
 * subset(ds, [0, 5, 7]).count; // 3 (not run: needs a dataset)
 */
export function subset(ds: ImageDataset, indices: ArrayLike<number>): ImageDataset {
  const size = ds.rows * ds.cols;
  const images = new Uint8Array(indices.length * size);
  const labels = new Uint8Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const k = checkIndex(ds, indices[i], 'subset', i);
    images.set(ds.images.subarray(k * size, (k + 1) * size), i * size);
    labels[i] = ds.labels[k];
  }
  return { ...ds, images, labels, count: indices.length };
}

/**
 * Splits off a random validation set: round(count · fraction) samples chosen by a seeded
 * permutation go to `validation`, the rest (in their original order) stay in `train`.
 * @example
 * const { train, validation } = splitValidation(ds, 0.1, createRng(0)); // 54000 / 6000 for MNIST (not run: needs a dataset)
 */
export function splitValidation(
  ds: ImageDataset,
  fraction: number,
  rng: Rng,
): { train: ImageDataset; validation: ImageDataset } {
  const { train, validation } = validationIndices(ds.count, fraction, rng);
  return { train: subset(ds, train), validation: subset(ds, validation) };
}

/**
 * Writes the images at indices[0..count) into `out` as floats, without allocating.
 * normalize: x / 255 in [0, 1] (load_mnist(normalize=True)); otherwise the raw 0..255 values.
 * Float32 results equal numpy's float32 x / 255.0 exactly: the float64 quotient rounded to
 * float32 is the correctly rounded float32 quotient (53 ≥ 2·24 + 2 bits, so double rounding is safe).
 * Shapes: out (≥ count · rows · cols), row i = image indices[i].
 * Book: load_mnist(normalize=True), x_train[batch_mask].
 * @example
 * fillImageBatch(ds, Int32Array.of(3, 1), 2, new Float32Array(2 * 784)); // images 3 and 1 (not run: needs a dataset)
 */
export function fillImageBatch(
  ds: ImageDataset,
  indices: Int32Array,
  count: number,
  out: Float32Array | Float64Array,
  normalize = true,
): Float32Array | Float64Array {
  const size = ds.rows * ds.cols;
  checkBatch(indices, count, out.length, size, 'fillImageBatch');
  const images = ds.images;
  for (let i = 0; i < count; i++) {
    const base = checkIndex(ds, indices[i], 'fillImageBatch', i) * size;
    const o = i * size;
    if (normalize) {
      for (let j = 0; j < size; j++) out[o + j] = images[base + j] / 255;
    } else {
      for (let j = 0; j < size; j++) out[o + j] = images[base + j];
    }
  }
  return out;
}

/**
 * Writes the labels at indices[0..count) into `out`, without allocating.
 * Shapes: out (≥ count).
 * Book: t_train[batch_mask].
 * @example
 * fillLabelBatch(ds, Int32Array.of(3, 1), 2, new Int32Array(2)); // Int32Array [label3, label1] (not run: needs a dataset)
 */
export function fillLabelBatch(
  ds: ImageDataset,
  indices: Int32Array,
  count: number,
  out: Int32Array,
): Int32Array {
  checkBatch(indices, count, out.length, 1, 'fillLabelBatch');
  for (let i = 0; i < count; i++)
    out[i] = ds.labels[checkIndex(ds, indices[i], 'fillLabelBatch', i)];
  return out;
}

/**
 * One-hot encodes class indices: out[i, c] = 1 if labels[i] = c else 0.
 * Shapes: labels (N) -> out (N, classes), written into `out` if given (zeroed first).
 * Book: dataset/mnist.py _change_one_hot_label.
 * @example
 * toOneHot([2, 0], 3); // → [0, 0, 1, 1, 0, 0]
 */
export function toOneHot<T extends Float32Array | Float64Array = Float64Array>(
  labels: ArrayLike<number>,
  classes: number,
  out?: T,
): T {
  if (!Number.isInteger(classes) || classes <= 0) {
    throw new RangeError(`toOneHot: classes must be a positive integer, got ${classes}`);
  }
  const n = labels.length;
  const res = out ?? (new Float64Array(n * classes) as T);
  if (res.length < n * classes) {
    throw new RangeError(
      `toOneHot: out has ${res.length} slots, need ${n} × ${classes} = ${n * classes}`,
    );
  }
  res.fill(0, 0, n * classes);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    if (!Number.isInteger(c) || c < 0 || c >= classes) {
      throw new RangeError(
        `toOneHot: label ${i} is ${c}, expected an integer in 0..${classes - 1}`,
      );
    }
    res[i * classes + c] = 1;
  }
  return res;
}

function checkIndex(ds: ImageDataset, k: number, fn: string, i: number): number {
  if (!Number.isInteger(k) || k < 0 || k >= ds.count) {
    throw new RangeError(`${fn}: indices[${i}] is ${k}, expected an integer in 0..${ds.count - 1}`);
  }
  return k;
}

function checkBatch(
  indices: Int32Array,
  count: number,
  outLength: number,
  size: number,
  fn: string,
): void {
  if (!Number.isInteger(count) || count < 0 || count > indices.length) {
    throw new RangeError(
      `${fn}: count must be an integer in 0..${indices.length} (indices.length), got ${count}`,
    );
  }
  if (outLength < count * size) {
    throw new RangeError(
      `${fn}: out has ${outLength} slots, need ${count} × ${size} = ${count * size}`,
    );
  }
}
