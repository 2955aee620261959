import type { Cell } from './table-cells.js';

/**
 * A table's rows, read again on each call of `read`: the header, then every data row with its
 * file line (the header is line 1). Readers of large files stream, so two passes cost two reads
 * and no copy of the text. A file on disk (the CLI's fileRows), a CSV text in memory
 * (csvTextRows, the playground) and an npm data set are all RowSources.
 */
export interface RowSource {
  /** The name errors give (a path, or a data set name). */
  readonly name: string;
  read(
    onHeader: (header: string[]) => void,
    onRow: (cells: Cell[], line: number) => void,
  ): Promise<void>;
}
