import { checkImageDataset, checkSameShape } from '../data/check-image-dataset.js';
import { splitValidation, subset, type ImageDataset } from '../data/dataset.js';
import { createOptimizer } from '../optim/create-optimizer.js';
import { createRng } from '../tensor/rng.js';
import { createNetwork } from '../models/create-network.js';
import { networkConfigFor } from './network-config.js';
import { TrainOptionsError, type TrainOptions } from './train-options.js';
import { TrainingRun } from './training-run.js';

/**
 * Builds a training run from options and data, the same way in the CLI, the browser worker and
 * tests: one generator seeded with options.seed initialises the weights, then splits off the
 * validation samples, then draws the batches (and dropout masks). So a seed fixes the whole
 * run, and a resumed run rebuilds the same split before its saved state is put back.
 * `trainSize` keeps the first N training samples (the book's x_train[:300] in ch06).
 * Both sets are checked first (ImageDatasetError: lengths, labels < classes, same image size).
 * @example
 * const run = prepareTraining(resolveTrainOptions({}), { train, test });
 * for (const event of trainSteps(run)) { … }
 */
export function prepareTraining(
  options: TrainOptions,
  data: { readonly train: ImageDataset; readonly test: ImageDataset },
  evaluationChunk?: number,
): TrainingRun {
  checkImageDataset(data.train, 'train');
  checkImageDataset(data.test, 'test');
  checkSameShape(data.train, data.test, 'test');
  const rng = createRng(options.seed);
  let train = data.train;
  if (options.trainSize !== null) {
    if (options.trainSize > train.count) {
      throw new TrainOptionsError(
        'trainSize',
        `asked for ${options.trainSize} training samples, the dataset has ${train.count}`,
      );
    }
    train = subset(
      train,
      Int32Array.from({ length: options.trainSize }, (_, i) => i),
    );
  }
  const network = createNetwork(
    networkConfigFor(options, train.rows * train.cols, train.classes),
    rng,
  );
  let validation: ImageDataset | null = null;
  if (options.validation > 0) {
    ({ train, validation } = splitValidation(train, options.validation, rng));
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
    data: { train, test: data.test, validation },
    options,
    rng,
    evaluationChunk,
  });
}
