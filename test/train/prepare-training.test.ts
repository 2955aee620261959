import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ImageDatasetError } from '../../src/data/check-image-dataset.js';
import type { Dataset } from '../../src/data/batch-source.js';
import type { ImageSource } from '../../src/data/image-source.js';
import { prepareTraining } from '../../src/train/prepare-training.js';
import { resolveTrainOptions, TrainOptionsError } from '../../src/train/train-options.js';
import { syntheticImages } from './synthetic-data.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend(() => {
  const data = { train: syntheticImages(200, 1), test: syntheticImages(50, 2) };

  test('trainSize keeps the first N samples and validation splits them, seeded', () => {
    const run = prepareTraining(
      resolveTrainOptions({ trainSize: 100, validation: 0.2, batchSize: 10, seed: 3 }),
      data,
    );
    assert.equal(run.data.train.count, 80);
    assert.equal(run.data.validation?.count, 20);
    assert.equal(run.iterationsPerEpoch, 8);
    const again = prepareTraining(
      resolveTrainOptions({ trainSize: 100, validation: 0.2, batchSize: 10, seed: 3 }),
      data,
    );
    const labels = (ds: Dataset | null): Uint8Array =>
      (ds as ImageSource | null)?.images.labels ?? new Uint8Array();
    assert.deepEqual(labels(again.data.validation), labels(run.data.validation));
    const counts = (labels: ArrayLike<number>): number[] =>
      [0, 1, 2].map((c) => Array.from(labels).filter((l) => l === c).length);
    const kept = [...labels(run.data.train), ...labels(run.data.validation)];
    assert.deepEqual(counts(kept), counts(data.train.labels.subarray(0, 100)));
  });

  test('a batch larger than the training set, or more samples than exist, is refused with both numbers', () => {
    assert.throws(
      () => prepareTraining(resolveTrainOptions({ batchSize: 500 }), data),
      (e: unknown) =>
        e instanceof TrainOptionsError &&
        /batch size 500 is larger than the 200 training samples/.test(e.message),
    );
    assert.throws(
      () => prepareTraining(resolveTrainOptions({ trainSize: 201 }), data),
      /asked for 201 training samples, the dataset has 200/,
    );
  });

  test('inconsistent data is refused before training: labels past the classes, a test set of another image size', () => {
    const labels = data.train.labels.slice();
    labels[7] = 3;
    assert.throws(
      () => prepareTraining(resolveTrainOptions({}), { ...data, train: { ...data.train, labels } }),
      (e: unknown) =>
        e instanceof ImageDatasetError &&
        e.message === 'train set: label 7 is 3, expected a class index in 0 … 2',
    );
    assert.throws(
      () => prepareTraining(resolveTrainOptions({}), { ...data, test: syntheticImages(5, 2, 7) }),
      /test set: expected 6×6 images in 3 classes like the train set, found 7×7 in 3/,
    );
  });

  test('weight decay or dropout on the two-layer model asks for multi-layer', () => {
    assert.throws(
      () => prepareTraining(resolveTrainOptions({ dropout: 0.5 }), data),
      /need model 'multi-layer'/,
    );
    const run = prepareTraining(
      resolveTrainOptions({ model: 'multi-layer', dropout: 0.5, weightDecay: 0.1 }),
      data,
    );
    assert.equal(run.network.config.dropout, 0.5);
    assert.equal(run.network.config.weightInit, 'he');
  });
});
