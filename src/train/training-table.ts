import type { Dataset } from '../data/batch-source.js';
import { defaultHead } from '../data/default-head.js';
import { readTable } from '../data/read-table.js';
import type { RowSource } from '../data/row-source.js';
import { splitIndices } from '../data/split.js';
import { fitScaling, scaleInPlace } from '../data/standardize.js';
import { tableDataset, type TableSource } from '../data/table-dataset.js';
import { TableError } from '../data/table-error.js';
import type { TableMeta } from '../data/table-meta.js';
import { headFor, HEAD_NAMES, type Head } from '../heads/index.js';
import { createRng } from '../tensor/rng.js';
import { checkTableSupport } from './table-support.js';

/** A table split for training, with what the model file keeps and how the head was chosen. */
export interface TrainingTable {
  readonly train: Dataset;
  readonly validation: Dataset | null;
  readonly test: Dataset;
  readonly head: Head;
  readonly headChosen: 'given' | 'default';
  readonly meta: TableMeta;
}

/**
 * Reads a table for training: columns chosen by name, the head given or chosen from the target
 * (defaultHead), targets checked against the head's support, a seeded split by `ratios`
 * (train : validation : test, or train : test), features standardised with the training rows'
 * mean and std (in place), and every part a view of one float32 array. The CLI's train command
 * and the playground's CSV card both read tables here.
 * Shapes: count rows → parts of round(count · rᵢ / Σr) rows, each (n, features).
 * @example
 * const text = 'x,y\n' + [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((x) => `${x},${x / 4}`).join('\n');
 * const t = await trainingTable(csvTextRows('a.csv', text), { target: 'y', ratios: [8, 1, 1], seed: 0 });
 * t.head.name; // → 'gaussian'
 */
export async function trainingTable(
  source: RowSource,
  request: {
    readonly target: string;
    readonly features?: readonly string[];
    readonly head?: string;
    readonly ratios: readonly number[];
    readonly seed: number;
  },
): Promise<TrainingTable> {
  let head: Head | null = request.head === undefined ? null : headFor(request.head);
  const { table, columns, lines } = await readTable(
    source,
    request.target,
    request.features,
    (summary, cols) => {
      head ??= headFor(defaultHead(summary));
      if (head.targetKind !== 'class') return { kind: 'value' };
      if (summary.classes === null) {
        throw new TableError(
          source.name,
          null,
          cols.header[cols.target],
          `over 1000 distinct values: not class labels; choose a head for numbers (${HEAD_NAMES.filter((h) => h !== 'categorical').join(', ')})`,
        );
      }
      return { kind: 'class', names: summary.classes };
    },
  );
  const chosen: Head = head!;
  const targetName = columns.header[columns.target];
  checkTableSupport(source.name, chosen, table, lines, targetName);
  if (request.ratios.length !== 2 && request.ratios.length !== 3) {
    throw new RangeError('split: expected train:test or train:validation:test ratios');
  }
  const parts = splitIndices(table.count, request.ratios, createRng(request.seed));
  const [trainRows, ...rest] = parts;
  if (trainRows.length === 0 || rest.some((p) => p.length === 0)) {
    throw new TableError(
      source.name,
      null,
      null,
      `${table.count} rows split ${request.ratios.join(':')} leave an empty part; use more rows or another --split`,
    );
  }
  const scaling = fitScaling(table, trainRows);
  scaleInPlace(table, scaling);
  const all: TableSource = tableDataset(table);
  const target = table.target;
  return {
    train: all.subset(trainRows),
    validation: parts.length === 3 ? all.subset(parts[1]) : null,
    test: all.subset(parts[parts.length - 1]),
    head: chosen,
    headChosen: request.head === undefined ? 'default' : 'given',
    meta: {
      target: targetName,
      features: columns.features.map((c) => columns.header[c]),
      head: chosen.name,
      scaling,
      split: { rows: table.count, ratios: [...request.ratios], seed: request.seed },
      ...(target.kind === 'class' && target.names !== undefined ? { classes: target.names } : {}),
    },
  };
}
