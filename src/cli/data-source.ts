import { existsSync, statSync } from 'node:fs';
import type { Dataset } from '../data/batch-source.js';
import { imageDataset } from '../data/image-source.js';
import type { LossLayer } from '../layers/layer.js';
import type { Head } from '../heads/index.js';
import { loadDataset } from '../platform/node/datasets.js';
import { NAMED_TABLES } from '../platform/node/npm-tables.js';
import type { RowSource } from '../data/row-source.js';
import { fileRows } from '../platform/node/read-table.js';
import { UsageError } from './cli-error.js';
import type { TableMeta } from '../data/table-meta.js';
import { trainingTable } from '../train/training-table.js';

/** The default train:validation:test split of a table. */
export const DEFAULT_SPLIT = '8:1:1';

/**
 * Where a run's rows come from, as the command line gave it: a data set name, IDX folder or
 * table file, and for tables the target column, feature columns, head and split. Saved in the
 * checkpoint (as JSON) so that --resume loads exactly the same rows.
 */
export interface DataSpec {
  readonly data: string;
  readonly target?: string;
  readonly features?: readonly string[];
  readonly head?: string;
  readonly split?: string;
}

/** The data sets of a run and what the model file should remember about them. */
export interface LoadedData {
  readonly train: Dataset;
  readonly test: Dataset;
  /** A validation set fixed by the data (a --split), or null (then --validation may draw one). */
  readonly validation: Dataset | null;
  /** The name metrics.json records. */
  readonly name: string;
  /** Metadata strings for the model file. */
  readonly modelMeta: Readonly<Record<string, string>>;
  /** For tables: the head, its loss layer, the network's output size and how the head was chosen. */
  readonly head?: {
    readonly head: Head;
    readonly lastLayer: LossLayer;
    readonly outputSize: number;
    readonly chosen: 'given' | 'default';
  };
}

/** True when `data` names a table: a named npm data set or an existing file. */
export function isTableData(data: string): boolean {
  return NAMED_TABLES[data] !== undefined || (existsSync(data) && statSync(data).isFile());
}

/**
 * The rows of a table spec and its target and default features: a named data set (iris, cars,
 * unemployment) or a CSV/JSON file, for which --target is required.
 * @example
 * tableSource({ data: 'iris' }).target; // 'species'
 */
export function tableSource(spec: DataSpec): {
  rows: RowSource;
  target: string;
  features?: readonly string[];
} {
  const named = NAMED_TABLES[spec.data];
  if (named !== undefined) {
    return {
      rows: named.rows(),
      target: spec.target ?? named.target,
      features: spec.features ?? (spec.target === undefined ? named.features : undefined),
    };
  }
  if (spec.target === undefined) {
    throw new UsageError(
      `--data ${spec.data} is a table: say which column to predict with --target <column>`,
    );
  }
  return { rows: fileRows(spec.data), target: spec.target, features: spec.features };
}

/**
 * Parses a --split value: 'a:b:c' (train : validation : test) or 'a:b' (train : test).
 * @example
 * parseSplit('8:1:1'); // [8, 1, 1]
 */
export function parseSplit(text: string): number[] {
  const parts = text.split(':').map(Number);
  if (
    (parts.length !== 2 && parts.length !== 3) ||
    !parts.every((p) => Number.isFinite(p) && p > 0)
  ) {
    throw new UsageError(
      `--split expects train:validation:test or train:test ratios of positive numbers, e.g. 8:1:1, got '${text}'`,
    );
  }
  return parts;
}

/**
 * Loads the rows a DataSpec names: MNIST, Fashion-MNIST or an IDX folder as byte image sets; a
 * named data set or CSV/JSON file as a float32 table, split by spec.split with `seed`.
 * @example
 * (await loadTrainingData({ data: 'mnist' }, 0)).train.count; // 60000
 */
export async function loadTrainingData(spec: DataSpec, seed: number): Promise<LoadedData> {
  if (!isTableData(spec.data)) {
    for (const [flag, v] of [
      ['--target', spec.target],
      ['--features', spec.features],
      ['--head', spec.head],
      ['--split', spec.split],
    ] as const) {
      if (v !== undefined) {
        throw new UsageError(
          `${flag} is for tables (a CSV or JSON file, or iris, cars, unemployment); ${spec.data} is an image set`,
        );
      }
    }
    const { train, test } = loadDataset(spec.data);
    return {
      train: imageDataset(train),
      test: imageDataset(test),
      validation: null,
      name: spec.data,
      modelMeta: {},
    };
  }
  const { rows, target, features } = tableSource(spec);
  const t = await trainingTable(rows, {
    target,
    features,
    head: spec.head,
    ratios: parseSplit(spec.split ?? DEFAULT_SPLIT),
    seed,
  });
  const meta: TableMeta = t.meta;
  const width = t.train.target.kind === 'class' ? t.train.target.classes : 1;
  return {
    train: t.train,
    test: t.test,
    validation: t.validation,
    name: spec.data,
    modelMeta: { data: JSON.stringify(meta) },
    head: {
      head: t.head,
      lastLayer: t.head.createLoss(),
      outputSize: t.head.outputSize(width),
      chosen: t.headChosen,
    },
  };
}
