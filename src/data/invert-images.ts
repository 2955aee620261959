import type { ImageDataset } from './dataset.js';

/**
 * The same images with every pixel inverted, x ← 1 − x (255 − byte): digits in dark ink on
 * white paper instead of MNIST's white on black. A distribution shift: a network trained on
 * MNIST sees nothing like it.
 * Shapes: (N, rows, cols) → the same.
 * @example invertImages(ds).images[0] // 255 − ds.images[0] (not run: needs a dataset)
 */
export function invertImages(ds: ImageDataset): ImageDataset {
  return { ...ds, images: ds.images.map((v) => 255 - v) };
}
