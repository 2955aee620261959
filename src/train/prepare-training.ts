import type { Dataset } from '../data/batch-source.js';
import type { LossLayer } from '../layers/layer.js';
import { targetWidth } from '../data/batch-source.js';
import { checkImageDataset, checkSameShape } from '../data/check-image-dataset.js';
import type { ImageDataset } from '../data/dataset.js';
import { asDataset, isDataset } from '../data/image-source.js';
import { splitDataset } from '../data/split.js';
import { createOptimizer } from '../optim/create-optimizer.js';
import { createRng } from '../tensor/rng.js';
import { createNetwork } from '../models/create-network.js';
import { networkConfigFor } from './network-config.js';
import { TrainOptionsError, type TrainOptions } from './train-options.js';
import { TrainingRun } from './training-run.js';

/** What prepareTraining takes beside the options and data. */
export interface PrepareExtras {
  /** Rows per evaluation chunk (default max(batch size, 500)). */
  readonly evaluationChunk?: number;
  /** The network's output size when it is not the target width (a head with a variance, say). */
  readonly outputSize?: number;
  /** Check every layer's output for NaN/Inf each step (slower). */
  readonly debugAnomaly?: boolean;
  /** The network's loss layer (a likelihood head's); default SoftmaxWithLoss. */
  readonly lastLayer?: LossLayer;
}

/**
 * Builds a training run from options and data, the same way in the CLI, the browser worker and
 * tests: one generator seeded with options.seed initialises the weights, then splits off the
 * validation samples, then draws the batches (and dropout masks). So a seed fixes the whole
 * run, and a resumed run rebuilds the same split before its saved state is put back.
 * `trainSize` keeps the first N training samples (the book's x_train[:300] in ch06).
 * Data are any Dataset (a CSV table, …) or raw byte image sets, which are checked first
 * (ImageDatasetError: lengths, labels < classes, same image size) and wrapped by imageDataset.
 * @example
 * const run = prepareTraining(resolveTrainOptions({}), { train, test });
 * for (const event of trainSteps(run)) { … } // not run: needs MNIST
 */
export function prepareTraining(
  options: TrainOptions,
  data: {
    readonly train: Dataset | ImageDataset;
    readonly test: Dataset | ImageDataset;
    /** A validation set the data fixed already (a table's --split); then options.validation must be 0. */
    readonly validation?: Dataset | null;
  },
  extras: number | PrepareExtras = {},
): TrainingRun {
  const { evaluationChunk, outputSize, debugAnomaly, lastLayer } =
    typeof extras === 'number' ? { evaluationChunk: extras } : extras;
  if (!isDataset(data.train)) checkImageDataset(data.train, 'train');
  if (!isDataset(data.test)) checkImageDataset(data.test, 'test');
  if (!isDataset(data.train) && !isDataset(data.test))
    checkSameShape(data.train, data.test, 'test');
  let train = asDataset(data.train);
  const test = asDataset(data.test);
  if (test.features !== train.features || test.target.kind !== train.target.kind) {
    throw new TrainOptionsError(
      'data',
      `the test set has ${test.features} features and ${test.target.kind} targets, the training set ${train.features} and ${train.target.kind}`,
    );
  }
  const rng = createRng(options.seed);
  if (options.trainSize !== null) {
    if (options.trainSize > train.count) {
      throw new TrainOptionsError(
        'trainSize',
        `asked for ${options.trainSize} training samples, the dataset has ${train.count}`,
      );
    }
    train = train.subset(Int32Array.from({ length: options.trainSize }, (_, i) => i));
  }
  const network = createNetwork(
    networkConfigFor(options, train.features, outputSize ?? targetWidth(train.target)),
    rng,
    lastLayer,
  );
  let validation: Dataset | null = data.validation ?? null;
  if (validation !== null && options.validation > 0) {
    throw new TrainOptionsError(
      'validation',
      'the data come with a validation split already; give one or the other',
    );
  }
  if (options.validation > 0) {
    ({ train, validation } = splitDataset(train, options.validation, rng));
    if (train.count === 0 || validation.count === 0) {
      throw new TrainOptionsError(
        'validation',
        `a fraction of ${options.validation} of ${train.count + validation.count} samples leaves an empty set`,
      );
    }
  }
  if (options.batchSize > train.count) {
    throw new TrainOptionsError(
      'batchSize',
      `batch size ${options.batchSize} is larger than the ${train.count} training samples; use a batch size ≤ ${train.count}`,
    );
  }
  const optimizer = createOptimizer(options.optimizer, options.learningRate);
  return new TrainingRun({
    network,
    optimizer,
    data: { train, test, validation },
    options,
    rng,
    evaluationChunk,
    debugAnomaly,
  });
}
