import type { ImageDataset } from '../data/dataset.js';
import { gatherByteRows } from '../tensor/ops/gather-byte-rows.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * Writes the images at indices[0..count) into the rows of `out`, scaled to [0, 1] (x / 255).
 * Shapes: out (≥ count, rows·cols).
 * Book: x_train[batch_mask] with load_mnist(normalize=True).
 * @example
 * fillImages(train, sampler.next(), 100, x); // x (100, 784) float32
 */
export function fillImages(ds: ImageDataset, indices: Int32Array, count: number, out: Tensor): void {
  gatherByteRows(ds.images, ds.rows * ds.cols, indices, count, 255, out);
}
