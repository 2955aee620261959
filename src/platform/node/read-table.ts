import { createReadStream, readFileSync, statSync } from 'node:fs';
import Papa from 'papaparse';
import { csvRecords } from '../../data/csv-records.js';
import type { RowSource } from '../../data/row-source.js';
import type { Cell } from '../../data/table-cells.js';
import { TableError } from '../../data/table-error.js';
import { FileReadError } from './read-bytes.js';

export type { RowSource } from '../../data/row-source.js';

/**
 * A CSV (or TSV: the delimiter is guessed) or JSON file as a RowSource. CSV is parsed by
 * papaparse while it streams from disk (a chunk at a time, never the whole text); blank lines
 * are skipped. JSON is an array of objects (keys of the first object are the header) or an
 * array of arrays (the first is the header), read whole. A missing or empty file is one line.
 * @example
 * await csvRows('cars.csv').read((h) => console.log(h), (cells, line) => {}); // not run: reads a CSV file
 */
export function fileRows(path: string): RowSource {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile())
      throw new FileReadError(path, 'not-a-file', 'expected a CSV or JSON file, found a directory');
    size = st.size;
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    throw new FileReadError(path, 'missing', 'no such file; expected a CSV or JSON file');
  }
  if (size === 0)
    throw new TableError(
      path,
      null,
      null,
      'the file is empty; expected a header line and data rows',
    );
  return path.toLowerCase().endsWith('.json') ? jsonRows(path) : csvRows(path);
}

function csvRows(path: string): RowSource {
  return {
    name: path,
    read: (onHeader, onRow) =>
      new Promise((resolve, reject) => {
        const records = csvRecords(path, onHeader, onRow);
        let failed: unknown = null;
        Papa.parse<string[]>(createReadStream(path, { encoding: 'utf8' }), {
          skipEmptyLines: false,
          step(result, parser) {
            try {
              records.record(result.data);
            } catch (e) {
              failed = e;
              parser.abort();
            }
          },
          complete() {
            if (failed === null) {
              try {
                records.end();
              } catch (e) {
                failed = e;
              }
            }
            if (failed !== null)
              reject(failed instanceof Error ? failed : new Error(String(failed)));
            else resolve();
          },
          error(e: Error) {
            reject(new FileReadError(path, 'unreadable', e.message));
          },
        });
      }),
  };
}

function jsonRows(path: string): RowSource {
  return {
    name: path,
    read: async (onHeader, onRow) => {
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(path, 'utf8')) as unknown;
      } catch (e) {
        throw new TableError(path, null, null, `not valid JSON (${(e as Error).message})`);
      }
      emitRecords(path, data, onHeader, onRow);
    },
  };
}

/**
 * Rows from parsed JSON: an array of objects or of arrays (first the header). Line k + 1 is
 * record k (the header counts as line 1), as in a CSV with one record a line.
 * @example
 * emitRecords('a.json', [{ x: 1, y: 2 }], (h) => {}, (cells, line) => {}); // header [x, y], row [1, 2] at line 2
 */
export function emitRecords(
  name: string,
  data: unknown,
  onHeader: (header: string[]) => void,
  onRow: (cells: Cell[], line: number) => void,
): void {
  if (!Array.isArray(data) || data.length === 0) {
    throw new TableError(name, null, null, 'expected a non-empty JSON array of records');
  }
  const first: unknown = data[0];
  const objects = first !== null && typeof first === 'object' && !Array.isArray(first);
  const header = objects ? Object.keys(first) : (first as unknown[]).map(String);
  onHeader(header);
  for (let i = objects ? 0 : 1; i < data.length; i++) {
    const record: unknown = data[i];
    const line = objects ? i + 2 : i + 1;
    if (objects) {
      if (record === null || typeof record !== 'object' || Array.isArray(record)) {
        throw new TableError(name, line, null, 'expected an object like the first record');
      }
      const r = record as Record<string, unknown>;
      onRow(
        header.map((k) => r[k] as Cell),
        line,
      );
    } else {
      if (!Array.isArray(record))
        throw new TableError(name, line, null, 'expected an array like the header');
      onRow(record as Cell[], line);
    }
  }
}
