import { className, type Cell } from './table-cells.js';
import type { TableColumns } from './table-columns.js';
import { TableError } from './table-error.js';

/** Distinct target values kept by a scan; beyond this the target is not a class label. */
const MAX_DISTINCT = 1000;

/** What a first pass over a table learned: the row count and what its target column holds. */
export interface TableSummary {
  readonly rows: number;
  /** Every target cell a finite number. */
  readonly numericTarget: boolean;
  /** Every target cell an integer. */
  readonly integerTarget: boolean;
  /** The distinct target class names (numbers in numeric order), or null past MAX_DISTINCT. */
  readonly classes: readonly string[] | null;
}

/**
 * The first pass over a table's data rows: counts them, refuses ragged rows (a TableError with
 * the line) and learns what the target column holds, in O(distinct targets) memory, so the
 * second pass can allocate the float32 rows exactly once.
 * @example
 * const scan = new TableScan('a.csv', columns);
 * scan.add(['1', '2', 'x'], 2);
 * scan.summary().rows; // 1 (not run: needs the columns)
 */
export class TableScan {
  #rows = 0;
  #numeric = true;
  #integer = true;
  #distinct: Set<string> | null = new Set();

  constructor(
    readonly source: string,
    readonly columns: TableColumns,
  ) {}

  /** One data row at file line `line`. */
  add(cells: readonly Cell[], line: number): void {
    const width = this.columns.header.length;
    if (cells.length !== width) {
      throw new TableError(
        this.source,
        line,
        null,
        `the row has ${cells.length} cells, the header has ${width}`,
      );
    }
    this.#rows++;
    if (this.columns.target < 0) return;
    const name = className(cells[this.columns.target]);
    if (name === undefined) {
      throw new TableError(
        this.source,
        line,
        this.columns.header[this.columns.target],
        'the target cell is empty',
      );
    }
    const v = Number(name);
    if (!Number.isFinite(v)) this.#numeric = false;
    if (!Number.isInteger(v)) this.#integer = false;
    if (this.#distinct !== null) {
      this.#distinct.add(name);
      if (this.#distinct.size > MAX_DISTINCT) this.#distinct = null;
    }
  }

  summary(): TableSummary {
    const numericTarget = this.#numeric;
    const classes =
      this.#distinct === null
        ? null
        : [...this.#distinct].sort(
            numericTarget
              ? (a, b) => Number(a) - Number(b)
              : (a, b) => (a < b ? -1 : a > b ? 1 : 0),
          );
    return { rows: this.#rows, numericTarget, integerTarget: this.#integer, classes };
  }
}
