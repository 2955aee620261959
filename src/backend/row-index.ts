/**
 * Checks a row index before a backend keeps it: offsets (rows + 1) start at 0, never decrease and
 * end at columns.length, and each row's columns ascend within 0..cols−1. The sparse kernels index
 * memory with these numbers, so a bad index must never reach them.
 * @example
 * checkRowIndex(Int32Array.of(0, 2, 2), Uint16Array.of(1, 3), 4); // 2 rows, 2 nonzeros: no throw
 * checkRowIndex(Int32Array.of(0, 1), Uint16Array.of(4), 4); // → throws RangeError
 */
export function checkRowIndex(offsets: Int32Array, columns: Uint16Array, cols: number): void {
  const fail = (what: string): never => {
    throw new RangeError(`allocRowIndex: ${what}`);
  };
  if (!Number.isInteger(cols) || cols < 0 || cols > 65536) {
    fail(`cols must be an integer in 0..65536, got ${cols}`);
  }
  if (offsets.length < 1 || offsets[0] !== 0) fail('offsets must start at 0');
  const rows = offsets.length - 1;
  if (offsets[rows] !== columns.length) {
    fail(`offsets end at ${offsets[rows]}, expected columns.length ${columns.length}`);
  }
  for (let r = 0; r < rows; r++) {
    const j0 = offsets[r];
    const j1 = offsets[r + 1];
    if (!(j1 >= j0)) fail(`offsets[${r + 1}] = ${j1} is below offsets[${r}] = ${j0}`);
    for (let j = j0; j < j1; j++) {
      if (columns[j] >= cols || (j > j0 && columns[j] <= columns[j - 1])) {
        fail(`row ${r}: column ${columns[j]} at ${j} is not ascending within 0..${cols - 1}`);
      }
    }
  }
}

/** Checks that every id names a row of an index of `rows` rows; `kernel` names the caller. */
export function checkRowIds(kernel: string, ids: Int32Array, count: number, rows: number): void {
  if (ids.length < count) {
    throw new RangeError(`${kernel}: ids: expected ${count} row ids, found ${ids.length}`);
  }
  for (let i = 0; i < count; i++) {
    const id = ids[i];
    if (!(id >= 0 && id < rows)) {
      throw new RangeError(`${kernel}: ids[${i}]: expected a row in 0..${rows - 1}, found ${id}`);
    }
  }
}
