import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { csvTextRows } from '../../src/data/csv-text.js';
import type { RowSource } from '../../src/data/row-source.js';
import { fileRows } from '../../src/platform/node/read-table.js';

/** Every header and row a RowSource gives, with its line. */
async function collect(
  source: RowSource,
): Promise<{ header: string[]; rows: [number, unknown[]][] }> {
  let header: string[] = [];
  const rows: [number, unknown[]][] = [];
  await source.read(
    (h) => (header = h),
    (cells, line) => rows.push([line, cells]),
  );
  return { header, rows };
}

describe('csvTextRows', () => {
  it('numbers lines as the CLI numbers a file: blank lines count, the header is line 1', async () => {
    const text = 'x0,x1,y\n1,2,3\n\n4,"5",6\n7,8,9\n';
    const dir = mkdtempSync(join(tmpdir(), 'gradlab-csv-'));
    writeFileSync(join(dir, 'a.csv'), text);
    const fromText = await collect(csvTextRows('a.csv', text));
    const fromFile = await collect(fileRows(join(dir, 'a.csv')));
    assert.deepEqual(fromText.header, ['x0', 'x1', 'y']);
    assert.deepEqual(
      fromText.rows.map(([line]) => line),
      [2, 4, 5],
    );
    assert.deepEqual(fromText, fromFile);
  });

  it('refuses an empty text with the message an empty file gets', async () => {
    for (const text of ['', '\n\n']) {
      await assert.rejects(
        collect(csvTextRows('e.csv', text)),
        /^TableError: e\.csv: the file is empty; expected a header line and data rows$/,
      );
    }
  });

  it('stops at the first error a row callback throws', async () => {
    const seen: number[] = [];
    await assert.rejects(
      csvTextRows('a.csv', 'x\n1\n2\n3\n').read(
        () => {},
        (_, line) => {
          seen.push(line);
          if (line === 3) throw new RangeError('stop');
        },
      ),
      /stop/,
    );
    assert.deepEqual(seen, [2, 3]);
  });
});
