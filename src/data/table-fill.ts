import type { TargetInfo } from './batch-source.js';
import { className, numberCell, type Cell } from './table-cells.js';
import type { TableColumns } from './table-columns.js';
import type { TableData } from './table-dataset.js';
import { TableError } from './table-error.js';

/**
 * How targets become numbers: class names to indices 0..C−1 (names in that order), or floats.
 * @example
 * const plan: TargetPlan = { kind: 'class', names: ['setosa', 'versicolor', 'virginica'] };
 */
export type TargetPlan =
  { readonly kind: 'class'; readonly names: readonly string[] } | { readonly kind: 'value' };

/**
 * The second pass over a table: every feature cell parsed into one preallocated float32 array
 * (4 bytes a cell) and every target into class indices or floats; a bad cell is a TableError
 * naming file, line and column. `rows` is the count the first pass found.
 * Shapes: rows × features float32, targets (rows) or (rows, 1).
 * @example
 * const fill = new TableFill('a.csv', columns, 2, { kind: 'value' });
 * fill.add(['1', '2'], 2); fill.add(['3', '4'], 3);
 * fill.finish().count; // 2 (not run: needs the scanned columns)
 */
export class TableFill {
  readonly #x: Float32Array;
  readonly #t: Int32Array | Float32Array;
  readonly #index: Map<string, number> | null;
  #row = 0;

  constructor(
    readonly source: string,
    readonly columns: TableColumns,
    readonly rows: number,
    readonly plan: TargetPlan,
  ) {
    this.#x = new Float32Array(rows * columns.features.length);
    this.#t = plan.kind === 'class' ? new Int32Array(rows) : new Float32Array(rows);
    this.#index = plan.kind === 'class' ? new Map(plan.names.map((n, i) => [n, i])) : null;
  }

  /** One data row at file line `line` (rows must come in the order of the first pass). */
  add(cells: readonly Cell[], line: number): void {
    const { header, features, target } = this.columns;
    if (this.#row >= this.rows) {
      throw new TableError(this.source, line, null, 'the file grew while it was being read');
    }
    const base = this.#row * features.length;
    for (let j = 0; j < features.length; j++) {
      const c = features[j];
      this.#x[base + j] = numberCell(cells[c], { source: this.source, line, column: header[c] });
    }
    const at = { source: this.source, line, column: header[target] };
    if (target < 0) {
      // no target column: the row is read for its features only
    } else if (this.#index === null) {
      this.#t[this.#row] = numberCell(cells[target], at);
    } else {
      const name = className(cells[target]);
      const k = name === undefined ? undefined : this.#index.get(name);
      if (k === undefined) {
        const known = [...this.#index.keys()];
        throw new TableError(
          this.source,
          line,
          header[target],
          `unknown class '${name ?? ''}'; the model knows ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', …' : ''}`,
        );
      }
      this.#t[this.#row] = k;
    }
    this.#row++;
  }

  /** The arrays, once every row has been added. */
  finish(): TableData {
    if (this.#row !== this.rows) {
      throw new TableError(
        this.source,
        null,
        null,
        `the second read found ${this.#row} rows, the first ${this.rows}; was the file changed?`,
      );
    }
    const target: TargetInfo =
      this.plan.kind === 'class'
        ? { kind: 'class', classes: this.plan.names.length, names: this.plan.names }
        : { kind: 'value', width: 1 };
    return {
      x: this.#x,
      t: this.#t,
      count: this.rows,
      features: this.columns.features.length,
      target,
    };
  }
}
