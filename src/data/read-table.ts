import type { RowSource } from './row-source.js';
import { chooseColumns, type TableColumns } from './table-columns.js';
import type { TableData } from './table-dataset.js';
import { TableError } from './table-error.js';
import { TableFill, type TargetPlan } from './table-fill.js';
import { TableScan, type TableSummary } from './table-scan.js';

/** A table read into float32 rows: the arrays, the columns, the first pass's summary and each row's file line. */
export interface ReadTable {
  readonly table: TableData;
  readonly columns: TableColumns;
  readonly summary: TableSummary;
  /** lines[i] is the file line of row i (the header is line 1), for errors found later. */
  readonly lines: Int32Array;
}

/**
 * Reads a RowSource twice: first a scan (row count, ragged rows, what the target holds), then
 * the float32 fill with the target plan that `plan` makes of the scan. A header without data
 * rows, a ragged row or a cell that is not a number is a TableError naming the line and column.
 * Shapes: rows × features float32, targets (rows) or (rows, 1).
 * @example
 * const { table } = await readTable(csvTextRows('a.csv', 'x,y\n1,2\n3,4\n'), 'y', undefined, () => ({ kind: 'value' }));
 * table.count; // → 2
 */
export async function readTable(
  source: RowSource,
  target: string | null,
  features: readonly string[] | undefined,
  plan: (summary: TableSummary, columns: TableColumns) => TargetPlan,
): Promise<ReadTable> {
  let columns: TableColumns | null = null;
  let scan: TableScan | null = null;
  await source.read(
    (header) => {
      columns = chooseColumns(source.name, header, target, features);
      scan = new TableScan(source.name, columns);
    },
    (cells, line) => scan!.add(cells, line),
  );
  const summary = scan!.summary();
  if (summary.rows === 0) {
    throw new TableError(source.name, null, null, 'the file has a header but no data rows');
  }
  const cols: TableColumns = columns!;
  const fill = new TableFill(source.name, cols, summary.rows, plan(summary, cols));
  const lines = new Int32Array(summary.rows);
  let row = 0;
  await source.read(
    () => {},
    (cells, line) => {
      fill.add(cells, line);
      lines[row++] = line;
    },
  );
  return { table: fill.finish(), columns: cols, summary, lines };
}
