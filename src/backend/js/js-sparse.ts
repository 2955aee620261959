import type { Backend, FloatArray, RowIndex } from '../backend.js';
import { checkRowIds, checkRowIndex } from '../row-index.js';

/** A row index of the JS backend: the arrays themselves. */
class JsRowIndex implements RowIndex {
  constructor(
    readonly offsets: Int32Array,
    readonly columns: Uint16Array,
    readonly cols: number,
  ) {}
  get rows(): number {
    return this.offsets.length - 1;
  }
  get nnz(): number {
    return this.columns.length;
  }
}

const finite = (d: FloatArray, n: number): boolean => {
  for (let i = 0; i < n; i++) if (!Number.isFinite(d[i])) return false;
  return true;
};

/**
 * The JS backend's sparse-row products: each output element summed in float64 over the nonzeros
 * and stored once, as jsGemm sums every element (skipping an exact zero term changes no sum).
 */
export function jsSparseKernels(): Required<
  Pick<Backend, 'allocRowIndex' | 'sparseRowsGemm' | 'sparseDensityLimit'>
> {
  return {
    // The JS gemm already skips zero elements of a one at a time; the index saves the scan.
    sparseDensityLimit: 0.5,
    allocRowIndex(offsets, columns, cols) {
      checkRowIndex(offsets, columns, cols);
      return new JsRowIndex(offsets.slice(), columns.slice(), cols);
    },
    sparseRowsGemm(transA, rows, n, k, index, ids, x, b, out, accumulate) {
      if (!(index instanceof JsRowIndex))
        throw new RangeError('sparseRowsGemm: index of another backend');
      if (index.cols !== k)
        throw new RangeError(`sparseRowsGemm: index has ${index.cols} columns, k is ${k}`);
      checkRowIds('sparseRowsGemm', ids, rows, index.rows);
      const { offsets, columns } = index;
      const xd = x.data;
      const bd = b.data;
      const od = out.data;
      if (!finite(bd, transA ? rows * n : k * n)) return false;
      if (!transA) {
        for (let r = 0; r < rows; r++) {
          const j1 = offsets[ids[r] + 1];
          for (let c = 0; c < n; c++) {
            let s = 0;
            for (let j = offsets[ids[r]]; j < j1; j++) {
              s += xd[r * k + columns[j]] * bd[columns[j] * n + c];
            }
            od[r * n + c] = accumulate ? od[r * n + c] + s : s;
          }
        }
        return true;
      }
      const sums = new Float64Array(k * n);
      for (let r = 0; r < rows; r++) {
        const j1 = offsets[ids[r] + 1];
        for (let j = offsets[ids[r]]; j < j1; j++) {
          const v = xd[r * k + columns[j]];
          const o = columns[j] * n;
          for (let c = 0; c < n; c++) sums[o + c] += v * bd[r * n + c];
        }
      }
      for (let i = 0; i < k * n; i++) od[i] = accumulate ? od[i] + sums[i] : sums[i];
      return true;
    },
  };
}
