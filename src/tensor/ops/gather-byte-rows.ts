import type { Backend, ByteStorage, RowIndex } from '../../backend/backend.js';
import { getBackend } from '../../backend/registry.js';
import type { Tensor } from '../tensor.js';
import { rowNonzeros } from './row-nonzeros.js';
import { setRowSparsity } from './row-sparsity.js';

// One copy of each byte array per backend (e.g. MNIST's pixels in WASM memory), made on first use
// and dropped with the array.
const copies = new WeakMap<Uint8Array, { backend: Backend; bytes: ByteStorage }>();
// One row index of each byte array per backend, made the first time a batch of it is gathered
// (its nonzeros never change), and dropped with the array.
const indexes = new WeakMap<
  Uint8Array,
  | { backend: Backend; cols: number; index: RowIndex; lengths: Int32Array }
  | { backend: Backend; cols: number; index: null }
>();

/** Options of gatherByteRows. */
export interface GatherOptions {
  /**
   * Record the rows' nonzero structure on `out` (setRowSparsity), from a row index of `src`
   * built once, so products with the batch can skip its zeros; nothing when `src` as a whole is
   * denser than the backend's sparseDensityLimit. Default false.
   */
  readonly sparse?: boolean;
}

/**
 * Gathers rows of a byte matrix into a float tensor, divided by `divisor`:
 *   out[i, j] = src[indices[i]·cols + j] / divisor,  i < count, j < cols.
 * This is how image batches become floats (x / 255, the book's load_mnist(normalize=True)) one
 * batch at a time. A backend with a gatherBytesRows kernel gets a one-time copy of `src` and does
 * each batch in one call; otherwise a JS loop does it. Both round the float64 quotient to out's
 * dtype, so the numbers are identical whichever path runs. With `sparse`, out also records
 * which entries are nonzero (setRowSparsity), for matmul.
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
  options: GatherOptions = {},
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
  recordSparsity(backend, src, cols, indices, count, out, options.sparse === true && cols <= 65536);
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

function recordSparsity(
  backend: Backend,
  src: Uint8Array,
  cols: number,
  indices: Int32Array,
  count: number,
  out: Tensor,
  sparse: boolean,
): void {
  if (!sparse || backend.allocRowIndex === undefined) {
    setRowSparsity(out, undefined);
    return;
  }
  let entry = indexes.get(src);
  if (entry?.backend !== backend || entry.cols !== cols) {
    entry = { backend, cols, index: null };
    // No index for data too dense for the backend's sparse products as a whole (MNIST on WASM):
    // it would cost memory and a pass over the bytes for nothing.
    let nnz = 0;
    for (let i = 0; i < src.length; i++) if (src[i] !== 0) nnz++;
    if (nnz <= (backend.sparseDensityLimit ?? 0) * src.length) {
      const { offsets, columns } = rowNonzeros(src, cols);
      const lengths = new Int32Array(offsets.length - 1);
      for (let r = 0; r < lengths.length; r++) lengths[r] = offsets[r + 1] - offsets[r];
      entry = { backend, cols, index: backend.allocRowIndex(offsets, columns, cols), lengths };
    }
    indexes.set(src, entry);
  }
  if (entry.index === null) {
    setRowSparsity(out, undefined);
    return;
  }
  let nnz = 0;
  for (let i = 0; i < count; i++) nnz += entry.lengths[indices[i]];
  setRowSparsity(out, { index: entry.index, ids: indices.slice(0, count), nnz });
}
