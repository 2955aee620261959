/** The nonzero columns of each row of a byte matrix, as a row index (see Backend.allocRowIndex). */
export interface RowNonzeros {
  /** Row r's columns are columns[offsets[r] .. offsets[r + 1]). */
  readonly offsets: Int32Array;
  /** Ascending within each row. */
  readonly columns: Uint16Array;
}

/**
 * Lists the nonzero columns of each row of `src` (rows of `cols` bytes), in two passes: count,
 * then fill. MNIST's 60,000 training images hold 81% zeros: 8.9 M nonzeros, 18 MB of columns.
 * Shapes: src (rows·cols) → offsets (rows + 1), columns (nonzeros); cols ≤ 65,536.
 * @example
 * rowNonzeros(Uint8Array.of(0, 7, 0, 9, 0, 0), 3); // → { offsets: [0, 1, 2], columns: [1, 0] }
 */
export function rowNonzeros(src: Uint8Array, cols: number): RowNonzeros {
  if (!Number.isInteger(cols) || cols <= 0 || cols > 65536) {
    throw new RangeError(`rowNonzeros: cols must be an integer in 1..65536, got ${cols}`);
  }
  const rows = Math.floor(src.length / cols);
  let nnz = 0;
  for (let i = 0; i < rows * cols; i++) if (src[i] !== 0) nnz++;
  const offsets = new Int32Array(rows + 1);
  const columns = new Uint16Array(nnz);
  let j = 0;
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    for (let c = 0; c < cols; c++) if (src[base + c] !== 0) columns[j++] = c;
    offsets[r + 1] = j;
  }
  return { offsets, columns };
}
