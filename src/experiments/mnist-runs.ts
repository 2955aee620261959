import { subset, type ImageDataset } from '../data/dataset.js';
import { prepareTraining } from '../train/prepare-training.js';
import { resolveTrainOptions, type TrainOptionsInput } from '../train/train-options.js';
import type { TrainingRun } from '../train/training-run.js';

/**
 * The first `count` samples of a dataset (all of it when count ≥ its size).
 * @example firstSamples(mnist.test, 1000).count // 1000 (not run: needs MNIST)
 */
export function firstSamples(ds: ImageDataset, count: number): ImageDataset {
  if (count >= ds.count) return ds;
  return subset(
    ds,
    Int32Array.from({ length: count }, (_, i) => i),
  );
}

/**
 * A dataset with every image shrunk by `factor` in each direction (mean of factor × factor
 * blocks), e.g. 28 × 28 MNIST to 7 × 7 with factor 4: a network small enough for numerical
 * gradients.
 * Shapes: (N, rows, cols) → (N, ⌊rows / factor⌋, ⌊cols / factor⌋).
 * @example downsample(mnist.train, 4).rows // 7 (not run: needs MNIST)
 */
export function downsample(ds: ImageDataset, factor: number): ImageDataset {
  const rows = Math.floor(ds.rows / factor);
  const cols = Math.floor(ds.cols / factor);
  const images = new Uint8Array(ds.count * rows * cols);
  const size = ds.rows * ds.cols;
  for (let n = 0; n < ds.count; n++) {
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        let sum = 0;
        for (let i = 0; i < factor; i++) {
          for (let j = 0; j < factor; j++)
            sum += ds.images[n * size + (r * factor + i) * ds.cols + c * factor + j]!;
        }
        images[(n * rows + r) * cols + c] = Math.round(sum / (factor * factor));
      }
    }
  }
  return { ...ds, images, rows, cols };
}

/** What a recorded training run gives back: the loss per iteration and accuracies at checkpoints. */
export interface RecordedRun {
  /** Mini-batch loss of iterations 1 … n. */
  readonly loss: number[];
  /** Iterations at which accuracy was measured (0 first, the last iteration last). */
  readonly evalIterations: number[];
  readonly trainAccuracy: number[];
  readonly testAccuracy: number[];
  /** Mean loss per image over the measured training images, at the same iterations. */
  readonly trainLoss: number[];
  /** Mean loss per image over the test images, at the same iterations. */
  readonly testLoss: number[];
  /** The run itself, for its network and options. */
  readonly run: TrainingRun;
}

/** How recordTraining measures and reports. */
export interface RecordOptions {
  /** Measure accuracy every this many iterations (and at 0 and at the end). */
  readonly every: number;
  /** Measure train accuracy on these images instead of the whole training set (faster). */
  readonly evalTrain?: ImageDataset;
  readonly progress?: (message: string) => void;
  /** Names the run in progress lines. */
  readonly label?: string;
}

/**
 * Trains with the library's training run (prepareTraining + step), measuring train and test
 * accuracy and mean loss every `every` iterations (and at 0 and at the end) instead of every epoch, so small
 * training sets do not spend most of the time evaluating.
 * @example
 * const r = recordTraining({ iterations: 100, seed: 0 }, { train, test }, { every: 20 });
 * r.evalIterations; // [0, 20, 40, 60, 80, 100] (not run: needs MNIST)
 */
export function recordTraining(
  options: TrainOptionsInput,
  data: { readonly train: ImageDataset; readonly test: ImageDataset },
  record: RecordOptions,
): RecordedRun {
  const run = prepareTraining(resolveTrainOptions(options), data);
  const recorded: RecordedRun = {
    // The run records every step's loss itself; this is the same list, not a copy.
    loss: run.history.loss,
    evalIterations: [],
    trainAccuracy: [],
    testAccuracy: [],
    trainLoss: [],
    testLoss: [],
    run,
  };
  const measure = (): void => {
    recorded.evalIterations.push(run.iteration);
    const train = run.evaluator.measure(run.network, record.evalTrain ?? run.data.train);
    const test = run.evaluator.measure(run.network, run.data.test);
    recorded.trainAccuracy.push(train.accuracy ?? NaN);
    recorded.testAccuracy.push(test.accuracy ?? NaN);
    recorded.trainLoss.push(train.loss);
    recorded.testLoss.push(test.loss);
  };
  measure();
  for (let i = 1; i <= run.totalIterations; i++) {
    run.step();
    if (i % record.every === 0 || i === run.totalIterations) {
      measure();
      record.progress?.(
        `${record.label ?? 'training'}: iteration ${i}/${run.totalIterations}, train acc ${recorded.trainAccuracy.at(-1)!.toFixed(3)}, test acc ${recorded.testAccuracy.at(-1)!.toFixed(3)}`,
      );
    }
  }
  return recorded;
}
