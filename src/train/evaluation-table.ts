import { readTable } from '../data/read-table.js';
import type { RowSource } from '../data/row-source.js';
import { splitIndices } from '../data/split.js';
import { scaleInPlace } from '../data/standardize.js';
import { tableDataset, type TableSource } from '../data/table-dataset.js';
import { TableError } from '../data/table-error.js';
import type { TableMeta } from '../data/table-meta.js';
import { headFor } from '../heads/index.js';
import { createRng } from '../tensor/rng.js';
import { checkTableSupport } from './table-support.js';

/**
 * Reads a table the way a saved model saw its training data: its feature columns, scaling and
 * class names (an unknown class is a TableError at its line), every row, no split.
 * Shapes: rows → a TableSource of (rows, features).
 * @example
 * const ds = await evaluationTable(fileRows('test.csv'), meta); // not run: reads a CSV file
 */
export async function evaluationTable(
  source: RowSource,
  meta: TableMeta,
  target: string | null = meta.target,
): Promise<TableSource> {
  const head = headFor(meta.head);
  const { table, lines } = await readTable(source, target, meta.features, () =>
    meta.classes === undefined ? { kind: 'value' } : { kind: 'class', names: meta.classes },
  );
  if (target !== null) checkTableSupport(source.name, head, table, lines, target);
  scaleInPlace(table, meta.scaling);
  return tableDataset(table);
}

/**
 * The part of a table that a training run's seeded split put in `part` (the same rows, for the
 * same file): train, validation or test. A file with another row count is refused.
 * @example
 * splitPart(ds, meta, 'test', 'cars').count; // 39 for cars at 8:1:1 (not run: needs a dataset)
 */
export function splitPart(
  ds: TableSource,
  meta: TableMeta,
  part: 'train' | 'validation' | 'test',
  name: string,
): TableSource {
  const split = meta.split;
  if (split === undefined || split.rows !== ds.count) {
    throw new TableError(
      name,
      null,
      null,
      `--split ${part} needs the file the model was trained on (${split?.rows ?? '?'} rows), found ${ds.count} rows; drop --split to use every row`,
    );
  }
  const parts = splitIndices(ds.count, split.ratios, createRng(split.seed));
  if (part === 'validation' && parts.length !== 3) {
    throw new TableError(
      name,
      null,
      null,
      `the training split ${split.ratios.join(':')} has no validation part`,
    );
  }
  const k = part === 'train' ? 0 : part === 'test' ? parts.length - 1 : 1;
  return ds.subset(parts[k]);
}
