import { gatherByteRows } from '../tensor/ops/gather-byte-rows.js';
import type { Tensor } from '../tensor/tensor.js';
import type { BatchTargets, Dataset, TargetInfo } from './batch-source.js';
import { checkRowIndices } from './batch-source.js';
import { subset, type ImageDataset } from './dataset.js';

/** An image set behind the Dataset interface; `images` is the byte set it reads. */
export interface ImageSource extends Dataset {
  readonly images: ImageDataset;
  subset(indices: ArrayLike<number>): ImageSource;
}

/**
 * MNIST-style bytes as a Dataset: pixels stay Uint8Array (47 MB for MNIST instead of 188 MB as
 * float32) and become x / 255 one batch at a time, in one gatherByteRows call; targets are the
 * labels as class indices.
 * Shapes: images (count, rows·cols) bytes → x (batch, rows·cols) in [0, 1], t (batch) indices.
 * Book: load_mnist(normalize=True), x_train[batch_mask], t_train[batch_mask].
 * @example
 * const ds = imageDataset(loadDataset('mnist').train);
 * ds.features; // 784 (not run: reads MNIST)
 */
export function imageDataset(images: ImageDataset): ImageSource {
  const features = images.rows * images.cols;
  const target: TargetInfo = { kind: 'class', classes: images.classes };
  return {
    images,
    count: images.count,
    features,
    target,
    fillBatch(indices: Int32Array, count: number, x: Tensor, t: BatchTargets): void {
      if (!(t instanceof Int32Array)) {
        throw new RangeError(
          'imageDataset.fillBatch: targets are class indices, give an Int32Array',
        );
      }
      checkRowIndices('imageDataset.fillBatch', indices, count, images.count);
      if (t.length < count) {
        throw new RangeError(`imageDataset.fillBatch: t has ${t.length} slots, need ${count}`);
      }
      // sparse: the batch carries its rows' nonzeros, so the first layer's products skip zeros.
      gatherByteRows(images.images, features, indices, count, 255, x, { sparse: true });
      for (let i = 0; i < count; i++) t[i] = images.labels[indices[i]];
    },
    subset(indices: ArrayLike<number>): ImageSource {
      return imageDataset(subset(images, indices));
    },
  };
}

/**
 * Whether a value is already a Dataset (has fillBatch) rather than a raw ImageDataset.
 * @example
 * isDataset(imageDataset(train)); // true
 */
export function isDataset(d: Dataset | ImageDataset): d is Dataset {
  return typeof (d as Partial<Dataset>).fillBatch === 'function';
}

/**
 * A Dataset from either form: byte image sets are wrapped by imageDataset, Datasets pass through.
 * @example
 * asDataset(loadDataset('mnist').test).count; // 10000 (not run: reads MNIST)
 */
export function asDataset(d: Dataset | ImageDataset): Dataset {
  return isDataset(d) ? d : imageDataset(d);
}
