import Papa from 'papaparse';
import { csvRecords } from './csv-records.js';
import type { RowSource } from './row-source.js';

/**
 * A CSV (or TSV: papaparse guesses the delimiter) held in memory as a RowSource: what a file
 * picked in a web page becomes. The header row is required; lines are numbered as the CLI
 * numbers a file's (csvRecords), so an error names the same line in both.
 * @example
 * await csvTextRows('a.csv', 'x,y\n1,2\n').read((h) => {}, (cells, line) => {}); // header [x, y], row [1, 2] at line 2
 */
export function csvTextRows(name: string, text: string): RowSource {
  return {
    name,
    read: async (onHeader, onRow) => {
      const records = csvRecords(name, onHeader, onRow);
      const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
      // papaparse reports the last line of a text ending in a newline as one empty record.
      for (const cells of parsed.data) records.record(cells);
      records.end();
    },
  };
}
