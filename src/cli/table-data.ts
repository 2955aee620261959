import type { Dataset } from '../data/batch-source.js';
import { splitIndices } from '../data/split.js';
import { fitScaling, scaleInPlace, type Scaling } from '../data/standardize.js';
import { chooseColumns, type TableColumns } from '../data/table-columns.js';
import { tableDataset, type TableData, type TableSource } from '../data/table-dataset.js';
import { TableError } from '../data/table-error.js';
import { TableFill, type TargetPlan } from '../data/table-fill.js';
import { TableScan, type TableSummary } from '../data/table-scan.js';
import { headFor, HEAD_NAMES, TargetError, type Head } from '../heads/index.js';
import type { RowSource } from '../platform/node/read-table.js';
import { fromArray } from '../tensor/creation.js';
import { createRng } from '../tensor/rng.js';

/** An integer target with at most this many distinct values defaults to the categorical head. */
const MAX_DEFAULT_CLASSES = 20;

/**
 * What a model trained on a table remembers about its data (the model file's `data` metadata):
 * the target and feature columns by name, the head, the training split's scaling and the class
 * names (categorical), so eval and predict read another file the same way.
 */
export interface TableMeta {
  readonly target: string;
  readonly features: readonly string[];
  readonly head: string;
  readonly scaling: Scaling;
  readonly classes?: readonly string[];
  /** The fixed scale (gaussian σ, laplace b) fitted on the training rows after training: σ̂ = rmse, b̂ = mae. */
  readonly scale?: number;
  /** How the training rows were split: the row count, the ratios and the seed (see splitRows). */
  readonly split?: {
    readonly rows: number;
    readonly ratios: readonly number[];
    readonly seed: number;
  };
}

/** Reads a RowSource twice: first a scan (rows, target kinds), then the float32 fill. */
async function readTable(
  source: RowSource,
  target: string | null,
  features: readonly string[] | undefined,
  plan: (summary: TableSummary, columns: TableColumns) => TargetPlan,
): Promise<{ table: TableData; columns: TableColumns; lines: Int32Array }> {
  let columns: TableColumns | null = null;
  let scan: TableScan | null = null;
  await source.read(
    (header) => {
      columns = chooseColumns(source.name, header, target, features);
      scan = new TableScan(source.name, columns);
    },
    (cells, line) => scan!.add(cells, line),
  );
  const summary = scan!.summary();
  if (summary.rows === 0) {
    throw new TableError(source.name, null, null, 'the file has a header but no data rows');
  }
  const cols: TableColumns = columns!;
  const fill = new TableFill(source.name, cols, summary.rows, plan(summary, cols));
  const lines = new Int32Array(summary.rows);
  let row = 0;
  await source.read(
    () => {},
    (cells, line) => {
      fill.add(cells, line);
      lines[row++] = line;
    },
  );
  return { table: fill.finish(), columns: cols, lines };
}

/** Rows per support check: a large table is checked a slice at a time, not copied whole. */
const CHECK_ROWS = 4096;

/** Throws a TableError at the file line of the first target outside the head's support. */
function checkSupport(
  source: string,
  head: Head,
  table: TableData,
  lines: Int32Array,
  column: string,
): void {
  if (head.targetKind === 'class') return; // class names were mapped to 0..C−1 already
  for (let start = 0; start < table.count; start += CHECK_ROWS) {
    const n = Math.min(CHECK_ROWS, table.count - start);
    const t = fromArray(Float64Array.from(table.t.subarray(start, start + n)), [n, 1], {
      dtype: 'float64',
    });
    try {
      head.checkTarget(t, 1);
    } catch (e) {
      if (e instanceof TargetError) {
        const expected = e.message.replace(/^.*?: expected /, 'expected ');
        throw new TableError(
          source,
          lines[start + e.row],
          column,
          `the ${head.name} head ${expected}`,
        );
      }
      throw e;
    }
  }
}

/** The head a table's target suggests: categorical for text or few integers, gaussian otherwise. */
export function defaultHead(summary: TableSummary): 'categorical' | 'gaussian' {
  const fewIntegers =
    summary.integerTarget &&
    summary.classes !== null &&
    summary.classes.length <= MAX_DEFAULT_CLASSES;
  return !summary.numericTarget || fewIntegers ? 'categorical' : 'gaussian';
}

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
 * Reads a table for training: columns chosen by name, the head given or chosen from the target,
 * targets checked against the head's support, a seeded split by `ratios` (train : validation :
 * test, or train : test), features standardised with the training rows' mean and std (in
 * place), and every part a view of one float32 array.
 * @example
 * const t = await trainingTable(fileRows('cars.csv'), { target: 'mpg', ratios: [8, 1, 1], seed: 0 }); // not run: reads a CSV file
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
  checkSupport(source.name, chosen, table, lines, targetName);
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

/**
 * Reads a table the way a saved model saw its training data: its feature columns, scaling and
 * class names (an unknown class is a TableError at its line), every row, no split.
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
  if (target !== null) checkSupport(source.name, head, table, lines, target);
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

/**
 * The head a table model was saved with, at its fitted scale when it has one (σ̂ or b̂), so that
 * nll and samples use the noise the training rows showed rather than the default 1.
 * @example
 * savedHead({ target: 'y', features: ['x'], head: 'gaussian', scale: 3.9, scaling: { mean: [0], std: [1] } }).scale; // 3.9
 */
export function savedHead(meta: TableMeta): Head {
  const head = headFor(meta.head);
  return meta.scale !== undefined && head.withScale !== undefined
    ? head.withScale(meta.scale)
    : head;
}
