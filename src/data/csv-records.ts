import type { Cell } from './table-cells.js';
import { TableError } from './table-error.js';

/** What the CSV readers feed one parsed record at a time, and tell when the input ends. */
export interface CsvRecords {
  /** One record as the parser gave it (each record counts as one line; blank ones are skipped). */
  record(cells: string[]): void;
  /** The input ended: a TableError when it held no header. */
  end(): void;
}

/**
 * The line numbering and header rule that every CSV reader shares: record k is line k (the
 * header is line 1), a blank record is skipped but counted, the first non-blank record is the
 * header, and an input without one is "the file is empty". The streaming file reader and the
 * in-memory text reader both go through it, so their errors name the same lines.
 * @example
 * const r = csvRecords('a.csv', (h) => {}, (cells, line) => {});
 * r.record(['x', 'y']); r.record(['1', '2']); r.end(); // header, then row ['1', '2'] at line 2
 */
export function csvRecords(
  name: string,
  onHeader: (header: string[]) => void,
  onRow: (cells: Cell[], line: number) => void,
): CsvRecords {
  let line = 0;
  let header = false;
  return {
    record(cells) {
      line++;
      if (cells.length === 1 && cells[0].trim() === '') return; // a blank line
      if (!header) {
        header = true;
        onHeader(cells);
      } else onRow(cells, line);
    },
    end() {
      if (!header) {
        throw new TableError(
          name,
          null,
          null,
          'the file is empty; expected a header line and data rows',
        );
      }
    },
  };
}
