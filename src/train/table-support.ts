import type { TableData } from '../data/table-dataset.js';
import { TableError } from '../data/table-error.js';
import { TargetError, type Head } from '../heads/index.js';
import { fromArray } from '../tensor/creation.js';

/** Rows per support check: a large table is checked a slice at a time, not copied whole. */
const CHECK_ROWS = 4096;

/**
 * Throws a TableError at the file line of the first target outside the head's support (a
 * negative count for poisson, a 0.5 for bernoulli); class heads pass, their names were mapped
 * to 0..C−1 already.
 * Shapes: table.t (count) or (count, 1); lines (count).
 * @example
 * checkTableSupport('a.csv', HEADS.poisson, table, lines, 'y'); // TableError "a.csv: line 3, column 'y': the poisson head expected …" (not run: needs a table)
 */
export function checkTableSupport(
  source: string,
  head: Head,
  table: TableData,
  lines: Int32Array,
  column: string,
): void {
  if (head.targetKind === 'class') return;
  for (let start = 0; start < table.count; start += CHECK_ROWS) {
    const n = Math.min(CHECK_ROWS, table.count - start);
    const t = fromArray(Float64Array.from(table.t.subarray(start, start + n)), [n, 1], {
      dtype: 'float64',
    });
    try {
      head.checkTarget(t, 1);
    } catch (e) {
      if (e instanceof TargetError) {
        const expected = e.message.replace(/^.*?: expected /, 'expected ');
        throw new TableError(
          source,
          lines[start + e.row],
          column,
          `the ${head.name} head ${expected}`,
        );
      }
      throw e;
    }
  }
}
