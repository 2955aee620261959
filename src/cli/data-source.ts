import type { Dataset } from '../data/batch-source.js';
import { imageDataset } from '../data/image-source.js';
import { loadDataset } from '../platform/node/datasets.js';

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
}

/**
 * Loads the rows a DataSpec names: MNIST, Fashion-MNIST or an IDX folder as byte image sets.
 * @example
 * loadTrainingData({ data: 'mnist' }).train.count; // 60000
 */
export function loadTrainingData(spec: DataSpec): LoadedData {
  const { train, test } = loadDataset(spec.data);
  return {
    train: imageDataset(train),
    test: imageDataset(test),
    validation: null,
    name: spec.data,
    modelMeta: {},
  };
}
