import type { Tensor } from '../tensor/tensor.js';

/**
 * The first `count` columns of a weight matrix as grayscale bytes, each scaled by its own
 * range: pixel = round(255 · (W[i, j] − minᵢ W[·, j]) / (maxᵢ W[·, j] − minᵢ W[·, j])).
 * For W1 of an MNIST network (784, H) each column is the 28×28 pattern a hidden unit responds
 * to. A constant column has no range and maps to 128 (mid gray) rather than dividing by 0.
 * Shapes: W (D, H) → min(count, H) arrays of D bytes.
 * @example
 * weightImages(tensor([[0, 5], [2, 5], [4, 5]]), 2); // → [[0, 128, 255], [128, 128, 128]]
 */
export function weightImages(W: Tensor, count: number): Uint8Array[] {
  if (W.shape.length !== 2) {
    throw new RangeError(`weightImages: W must be 2-D (D, H), got shape (${W.shape.join(', ')})`);
  }
  const [rows, cols] = W.shape as readonly [number, number];
  const w = W.data;
  const images: Uint8Array[] = [];
  for (let j = 0; j < Math.min(count, cols); j++) {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < rows; i++) {
      const v = w[i * cols + j]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const range = max - min;
    const image = new Uint8Array(rows);
    for (let i = 0; i < rows; i++)
      image[i] = range > 0 ? Math.round((255 * (w[i * cols + j]! - min)) / range) : 128;
    images.push(image);
  }
  return images;
}
