import { TableError } from './table-error.js';

/** A cell as a reader gives it: CSV text, or a JSON value. */
export type Cell = string | number | boolean | null | undefined;

/** Where a cell sits, for error messages. */
export interface CellPlace {
  readonly source: string;
  readonly line: number;
  readonly column: string;
}

/**
 * A cell as a finite number, or a TableError naming file, line and column: an empty cell, text
 * that is not a number, NaN and ±Infinity are refused (booleans count as 1 and 0).
 * @example
 * numberCell(' 2.5 ', { source: 'a.csv', line: 2, column: 'x' }); // 2.5
 */
export function numberCell(cell: Cell, at: CellPlace): number {
  if (typeof cell === 'number') {
    if (Number.isFinite(cell)) return cell;
    throw new TableError(at.source, at.line, at.column, `${cell} is not a finite number`);
  }
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  const text = typeof cell === 'string' ? cell.trim() : '';
  if (text === '') {
    throw new TableError(at.source, at.line, at.column, 'the cell is empty; expected a number');
  }
  const v = Number(text);
  if (Number.isFinite(v)) return v;
  if (/^[+-]?(nan|inf(inity)?)$/i.test(text)) {
    throw new TableError(
      at.source,
      at.line,
      at.column,
      `${text} is not a finite number; remove or fill the row`,
    );
  }
  throw new TableError(at.source, at.line, at.column, `'${text}' is not a number`);
}

/**
 * A target cell as a class name: trimmed text, or a number written the same way however it was
 * spelled (so '1' and '1.0' are one class). Undefined for an empty cell.
 * @example
 * className(' setosa '); // 'setosa'
 */
export function className(cell: Cell): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell !== 'string') return String(typeof cell === 'boolean' ? Number(cell) : cell);
  const text = cell.trim();
  if (text === '') return undefined;
  const v = Number(text);
  return Number.isFinite(v) ? String(v) : text;
}
