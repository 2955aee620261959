import type { Head } from '../heads/head.js';
import type { Labels } from '../layers/layer.js';
import { tableDataset } from '../data/table-dataset.js';
import type { Network } from '../models/network.js';
import { prepareTraining } from '../train/prepare-training.js';
import { resolveTrainOptions } from '../train/train-options.js';
import { trainSteps } from '../train/train-steps.js';
import { fromArray } from '../tensor/creation.js';
import type { Tensor } from '../tensor/tensor.js';

/** A small regression or classification data set: inputs (N, D) and their targets. */
export interface HeadData {
  /** Row-major inputs, D per row. */
  readonly x: Float64Array;
  readonly inputSize: number;
  /** Real targets (N·size, row-major), or class indices (N) for categorical. */
  readonly y: Float64Array;
  /** Target columns, or the number of classes for categorical. */
  readonly size: number;
}

/** How fitHead trains. */
export interface FitOptions {
  readonly hiddenSizes: readonly number[];
  readonly steps: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly seed: number;
}

/** The rows of `data` as a tensor and a target. */
export function tensorsOf(head: Head, data: HeadData, rows?: Int32Array): { x: Tensor; t: Labels } {
  const n = data.x.length / data.inputSize;
  const index = rows ?? Int32Array.from({ length: n }, (_, i) => i);
  const width = head.targetKind === 'class' ? 1 : data.size;
  const x = new Float64Array(index.length * data.inputSize);
  const y = new Float64Array(index.length * width);
  index.forEach((r, i) => {
    x.set(data.x.subarray(r * data.inputSize, (r + 1) * data.inputSize), i * data.inputSize);
    y.set(data.y.subarray(r * width, (r + 1) * width), i * width);
  });
  const t =
    head.targetKind === 'class' ? Int32Array.from(y) : fromArray(y, [index.length, data.size]);
  return { x: fromArray(x, [index.length, data.inputSize]), t };
}

/**
 * Trains a tanh network ending in the head's loss with the library's training loop (a table
 * dataset, prepareTraining and trainSteps: Adam on seeded mini-batches drawn with replacement,
 * as the book's np.random.choice), the learning rate decaying linearly to a tenth, and returns
 * it with its loss curve.
 * @example
 * const data = { x: Float64Array.of(0, 1), inputSize: 1, y: Float64Array.of(0, 2), size: 1 };
 * const fit = { hiddenSizes: [4], steps: 10, batchSize: 2, learningRate: 0.01, seed: 0 };
 * fitHead(HEADS.poisson, data, fit).losses.length; // → 10
 */
export function fitHead(
  head: Head,
  data: HeadData,
  options: FitOptions,
): { net: Network; losses: number[] } {
  const classes = head.targetKind === 'class';
  const count = data.x.length / data.inputSize;
  const table = tableDataset({
    x: Float32Array.from(data.x),
    t: classes ? Int32Array.from(data.y) : Float32Array.from(data.y),
    count,
    features: data.inputSize,
    target: classes ? { kind: 'class', classes: data.size } : { kind: 'value', width: data.size },
  });
  const run = prepareTraining(
    resolveTrainOptions({
      model: 'multi-layer',
      hiddenSizes: options.hiddenSizes,
      activation: 'tanh',
      optimizer: 'adam',
      learningRate: options.learningRate,
      batchSize: options.batchSize,
      iterations: options.steps,
      dtype: 'float64',
      seed: options.seed,
    }),
    // The loop measures the test set every epoch; one row keeps that cheap (we measure after).
    { train: table, test: table.subset([0]) },
    { outputSize: head.outputSize(data.size), lastLayer: head.createLoss() },
  );
  const losses: number[] = [];
  for (const event of trainSteps(run)) {
    if (event.type !== 'step') continue;
    losses.push(event.loss);
    // Linear decay to a tenth: Adam's constant step leaves the fit jittering at the end.
    run.optimizer.learningRate =
      options.learningRate * (1 - (0.9 * event.iteration) / options.steps);
  }
  return { net: run.network, losses };
}
