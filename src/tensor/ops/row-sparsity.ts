import type { RowIndex, Storage } from '../../backend/backend.js';
import type { Tensor } from '../tensor.js';

/**
 * The nonzero structure a batch tensor carries: its row r holds nonzeros only at the columns of
 * row ids[r] of `index` (a dataset's row index in backend memory), `nnz` of them in all.
 */
export interface RowSparsity {
  readonly index: RowIndex;
  readonly ids: Int32Array;
  readonly nnz: number;
}

// Keyed by storage, so reshaped views of the batch carry it too.
const sparsity = new WeakMap<Storage, RowSparsity>();

/**
 * Records (or with undefined, forgets) the nonzero structure of x's rows. The op that writes the
 * rows records it (gatherByteRows); the products read it (matmul). Writing x any other way
 * after that must forget it, since a stale index would skip entries that are no longer zero.
 * @example
 * setRowSparsity(x, { index, ids: Int32Array.of(3, 1), nnz: 290 }); // not run: needs a row index
 */
export function setRowSparsity(x: Tensor, s: RowSparsity | undefined): void {
  if (s === undefined) sparsity.delete(x.storage);
  else sparsity.set(x.storage, s);
}

/**
 * The nonzero structure recorded for x's rows, if any.
 * @example
 * rowSparsityOf(zeros([2, 3])); // → undefined
 */
export function rowSparsityOf(x: Tensor): RowSparsity | undefined {
  return sparsity.get(x.storage);
}
