import type { Backend, ByteStorage } from '../../backend/backend.js';
import { getBackend } from '../../backend/registry.js';
import type { Tensor } from '../tensor.js';

// One copy of each byte array per backend (e.g. MNIST's pixels in WASM memory), made on first use
// and dropped with the array.
const copies = new WeakMap<Uint8Array, { backend: Backend; bytes: ByteStorage }>();

/**
 * Gathers rows of a byte matrix into a float tensor, divided by `divisor`:
 *   out[i, j] = src[indices[i]·cols + j] / divisor,  i < count, j < cols.
 * This is how image batches become floats (x / 255, the book's load_mnist(normalize=True)) one
 * batch at a time. A backend with a gatherBytesRows kernel gets a one-time copy of `src` and does
 * each batch in one call; otherwise a JS loop does it. Both round the float64 quotient to out's
 * dtype, so the numbers are identical whichever path runs.
 * Shapes: src (rows·cols) bytes, indices (≥ count), out (≥ count, cols).
 * @example
 * const images = Uint8Array.of(0, 255, 51, 102); // four one-pixel images
 * const x = zeros([2, 1]);
 * gatherByteRows(images, 1, Int32Array.of(3, 1), 2, 255, x);
 * x.toArray(); // → [[0.4], [1]]
 */
export function gatherByteRows(
  src: Uint8Array,
  cols: number,
  indices: Int32Array,
  count: number,
  divisor: number,
  out: Tensor,
): Tensor {
  const rows = Math.floor(src.length / cols);
  if (indices.length < count || out.size < count * cols) {
    throw new RangeError(
      `gatherByteRows: ${count} rows of ${cols} need ${count} indices and ${count * cols} outputs, got ${indices.length} and ${out.size}`,
    );
  }
  for (let i = 0; i < count; i++) {
    const k = indices[i];
    if (!Number.isInteger(k) || k < 0 || k >= rows) {
      throw new RangeError(`gatherByteRows: index ${k} at position ${i} is outside 0..${rows - 1}`);
    }
  }
  const backend = getBackend();
  if (backend.allocBytes !== undefined && backend.gatherBytesRows !== undefined) {
    let copy = copies.get(src);
    if (copy?.backend !== backend) {
      const bytes = backend.allocBytes(src.length);
      bytes.data.set(src);
      copy = { backend, bytes };
      copies.set(src, copy);
    }
    backend.gatherBytesRows(copy.bytes, cols, indices, count, divisor, out.storage);
    return out;
  }
  const d = out.data;
  for (let i = 0; i < count; i++) {
    const from = indices[i] * cols;
    const to = i * cols;
    for (let j = 0; j < cols; j++) d[to + j] = src[from + j] / divisor;
  }
  return out;
}
