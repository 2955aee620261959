import type { TrainOptionsInput } from '../train/train-options.js';
import { bySize, requireMnist, type ExperimentContext } from './experiment.js';
import { firstSamples, recordTraining, type RecordedRun } from './mnist-runs.js';

/** One size of the overfitting runs. */
export interface OverfitSize {
  readonly hidden: readonly number[];
  readonly train: number;
  readonly test: number;
  readonly batch: number;
  readonly lr: number;
  readonly iterations: number;
  /** Evaluate every this many iterations. */
  readonly every: number;
  /** Training images of the more-data run. */
  readonly moreData: number;
  /** Hidden layers of the smaller-model run. */
  readonly smaller: readonly number[];
}

const SIX_BY_100 = [100, 100, 100, 100, 100, 100];

/** Sizes: the book's (full: lr 0.01, 201 epochs, whole test set) and shorter ones with a larger learning rate. */
export const OVERFIT_SIZES: {
  readonly tiny: OverfitSize;
  readonly fast: OverfitSize;
  readonly full: OverfitSize;
} = {
  tiny: {
    hidden: [50, 50, 50],
    train: 100,
    test: 500,
    batch: 50,
    lr: 0.1,
    iterations: 80,
    every: 20,
    moreData: 1000,
    smaller: [3],
  },
  fast: {
    hidden: SIX_BY_100,
    train: 300,
    test: 1000,
    batch: 100,
    lr: 0.03,
    iterations: 240,
    every: 24,
    moreData: 3000,
    smaller: [20],
  },
  full: {
    hidden: SIX_BY_100,
    train: 300,
    test: 10000,
    batch: 100,
    lr: 0.01,
    iterations: 603,
    every: 15,
    moreData: 3000,
    smaller: [20],
  },
};

/** One run of the comparison: what changed from the baseline, and what it recorded. */
export interface OverfitRun {
  readonly id: 'baseline' | 'weight-decay' | 'dropout' | 'more-data' | 'smaller-model';
  /** Legend and axis label, e.g. 'weight decay λ = 0.1'. */
  readonly label: string;
  /** Short label for legends with 'train' / 'test' appended. */
  readonly short: string;
  readonly trainImages: number;
  readonly recorded: RecordedRun;
  /** Final train − test accuracy gap (see finalGap). */
  readonly gap: number;
}

/** The final gap: mean train accuracy − mean test accuracy over the last 3 evaluations (less noisy than one). */
export function finalGap(r: RecordedRun): number {
  const last = (a: number[]) => a.slice(-3).reduce((s, v) => s + v, 0) / Math.min(3, a.length);
  return last(r.trainAccuracy) - last(r.testAccuracy);
}

/**
 * Trains the baseline (a deep ReLU net on a few MNIST images), then the same with weight decay
 * λ = 0.1, with dropout 0.2, with 10× the images, and a smaller model (one narrow hidden layer),
 * all from the same seed for the same number of iterations. Book: overfit_weight_decay.py, overfit_dropout.py (ch06 §6.4).
 */
export function runOverfitting(context: ExperimentContext): {
  size: OverfitSize;
  testImages: number;
  runs: OverfitRun[];
} {
  const mnist = requireMnist(context, 'overfitting');
  const s = bySize(context.size, OVERFIT_SIZES);
  const test = firstSamples(mnist.test, s.test);
  const base: TrainOptionsInput = {
    model: 'multi-layer',
    hiddenSizes: [...s.hidden],
    learningRate: s.lr,
    batchSize: s.batch,
    iterations: s.iterations,
    seed: context.seed,
  };
  const variants = [
    { id: 'baseline', label: 'baseline', short: 'baseline', options: {}, train: s.train },
    {
      id: 'weight-decay',
      label: 'weight decay λ = 0.1',
      short: 'weight decay',
      options: { weightDecay: 0.1 },
      train: s.train,
    },
    {
      id: 'dropout',
      label: 'dropout 0.2',
      short: 'dropout',
      options: { dropout: 0.2 },
      train: s.train,
    },
    {
      id: 'more-data',
      label: `${s.moreData} images`,
      short: `${s.moreData} images`,
      options: {},
      train: s.moreData,
    },
    {
      id: 'smaller-model',
      label: `smaller model (${s.smaller.join(' × ')} hidden)`,
      short: 'smaller model',
      options: { hiddenSizes: [...s.smaller] },
      train: s.train,
    },
  ] as const;
  const runs = variants.map((v) => {
    const recorded = recordTraining(
      { ...base, ...v.options },
      { train: firstSamples(mnist.train, v.train), test },
      { every: s.every, progress: context.progress, label: v.id },
    );
    return {
      id: v.id,
      label: v.label,
      short: v.short,
      trainImages: v.train,
      recorded,
      gap: finalGap(recorded),
    };
  });
  return { size: s, testImages: test.count, runs };
}

/**
 * Where to stop early: the evaluation with the lowest held-out loss (the first one on ties),
 * as an index into the recorded evaluations.
 * @example earlyStoppingIndex([0.9, 0.5, 0.6, 0.7]) // 1
 */
export function earlyStoppingIndex(heldOutLoss: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < heldOutLoss.length; i++) if (heldOutLoss[i]! < heldOutLoss[best]!) best = i;
  return best;
}
