import type { ImageDataset } from './dataset.js';

/**
 * An ImageDataset whose fields do not fit together: sizes that are not positive integers, an
 * images or labels array of the wrong length, a label outside 0 … classes − 1, or two sets
 * that a network cannot share (different image sizes or class counts).
 * @example
 * try { checkImageDataset({ ...ds, count: 7 }, 'train'); } catch (e) { e instanceof ImageDatasetError; } // true
 */
export class ImageDatasetError extends Error {
  override readonly name = 'ImageDatasetError';
}

const isCount = (v: number): boolean => Number.isSafeInteger(v) && v > 0;

/**
 * Checks that a dataset is consistent, once, before training reads it batch by batch:
 * count, rows, cols, classes positive integers; images.length = count · rows · cols;
 * labels.length = count; every label in 0 … classes − 1. `name` names the set in the message.
 * Shapes: images (count · rows · cols), labels (count).
 * @example
 * checkImageDataset({ images: new Uint8Array(8), labels: Uint8Array.of(0, 1), count: 2, rows: 2, cols: 2, classes: 2 }, 'train'); // ok
 */
export function checkImageDataset(ds: ImageDataset, name: string): void {
  const fail = (message: string): never => {
    throw new ImageDatasetError(`${name} set: ${message}`);
  };
  for (const key of ['count', 'rows', 'cols', 'classes'] as const) {
    if (!isCount(ds[key])) fail(`${key} must be a positive integer, got ${String(ds[key])}`);
  }
  const pixels = ds.count * ds.rows * ds.cols;
  if (ds.images.length !== pixels) {
    fail(
      `expected ${ds.count} × ${ds.rows} × ${ds.cols} = ${pixels} image bytes, found ${ds.images.length}`,
    );
  }
  if (ds.labels.length !== ds.count)
    fail(`expected ${ds.count} labels (one per image), found ${ds.labels.length}`);
  for (let i = 0; i < ds.count; i++) {
    if (ds.labels[i] >= ds.classes) {
      fail(`label ${i} is ${ds.labels[i]}, expected a class index in 0 … ${ds.classes - 1}`);
    }
  }
}

/**
 * Checks that a second set (test, validation) can be fed to a network trained on `train`:
 * the same image size and the same number of classes.
 * @example
 * checkSameShape(train, test, 'test'); // throws when test images are 10×10 and train images 28×28 (not run: needs two datasets)
 */
export function checkSameShape(train: ImageDataset, other: ImageDataset, name: string): void {
  if (other.rows !== train.rows || other.cols !== train.cols || other.classes !== train.classes) {
    throw new ImageDatasetError(
      `${name} set: expected ${train.rows}×${train.cols} images in ${train.classes} classes like the train set, ` +
        `found ${other.rows}×${other.cols} in ${other.classes}`,
    );
  }
}
