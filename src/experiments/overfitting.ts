import { accuracyChart } from '../plot/accuracy-chart.js';
import { barChart } from '../plot/bar-chart.js';
import { lineChart } from '../plot/line-chart.js';
import { SERIES_COLORS } from '../plot/palette.js';
import type { TrainOptionsInput } from '../train/train-options.js';
import { bySize, requireMnist, type Experiment, type ExperimentContext, type ExperimentResult, type JsonValue } from './experiment.js';
import { firstSamples, recordTraining, type RecordedRun } from './mnist-runs.js';

/** One size of the overfitting runs. */
interface OverfitSize {
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
}

/** Sizes of the overfitting runs: the book's (full) and smaller ones with a larger learning rate. */
const SIZES: { readonly tiny: OverfitSize; readonly fast: OverfitSize; readonly full: OverfitSize } = {
  tiny: { hidden: [50, 50, 50], train: 100, test: 500, batch: 50, lr: 0.1, iterations: 80, every: 20, moreData: 1000 },
  fast: { hidden: [100, 100, 100, 100, 100, 100], train: 300, test: 1000, batch: 100, lr: 0.03, iterations: 240, every: 24, moreData: 3000 },
  full: { hidden: [100, 100, 100, 100, 100, 100], train: 300, test: 10000, batch: 100, lr: 0.01, iterations: 603, every: 15, moreData: 3000 },
};

/** The final gap: mean train accuracy − mean test accuracy over the last 3 evaluations (less noisy than one). */
export function finalGap(r: RecordedRun): number {
  const last = (a: number[]) => a.slice(-3).reduce((s, v) => s + v, 0) / Math.min(3, a.length);
  return last(r.trainAccuracy) - last(r.testAccuracy);
}

/**
 * overfitting: a deep net (6 × 100 ReLU hidden layers, He init) trained on 300 MNIST images for
 * many epochs reaches train accuracy near 1 while test accuracy stalls far below; weight decay
 * (λ = 0.1), dropout (ratio 0.2) and 10× more data are each run with the same seed and budget
 * and plotted against that baseline. Fast size: lr 0.03 for 240 iterations (80 epochs), test on
 * 1000 images; full: the book's lr 0.01 for 603 iterations (201 epochs) on the whole test set.
 * Key numbers: the train − test gap of each run.
 * Book: overfit_weight_decay.py, overfit_dropout.py (ch06 §6.4); seed 003 (overfitting and its cures).
 * @example overfittingExperiment.run({ size: 'tiny', seed: 0, mnist }).numbers.gap
 */
export const overfittingExperiment: Experiment = {
  name: 'overfitting',
  title: 'Overfitting and three cures',
  claim:
    'A network much larger than its data memorises it: on 300 MNIST images a 6 × 100 network reaches train accuracy near 1.0 while test accuracy stalls more than 0.2 below; weight decay, dropout and more data each narrow that gap (ch06 §6.4, seed 003).',
  book: 'ch06 §6.4',
  needsMnist: true,
  run(context: ExperimentContext): ExperimentResult {
    const mnist = requireMnist(context, 'overfitting');
    const s = bySize(context.size, SIZES);
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
      { id: 'weight-decay', label: 'weight decay λ = 0.1', short: 'weight decay', options: { weightDecay: 0.1 }, train: s.train },
      { id: 'dropout', label: 'dropout 0.2', short: 'dropout', options: { dropout: 0.2 }, train: s.train },
      { id: 'more-data', label: `${s.moreData} images`, short: `${s.moreData} images`, options: {}, train: s.moreData },
    ] as const;
    const runs = variants.map((v) =>
      recordTraining({ ...base, ...v.options }, { train: firstSamples(mnist.train, v.train), test }, { every: s.every, progress: context.progress, label: v.id }),
    );
    const [baseline] = runs;
    const perEpoch = s.train / s.batch;
    const gaps = runs.map(finalGap);
    const compare = (k: number) =>
      lineChart(
        [
          { name: 'baseline train', x: baseline!.evalIterations, y: baseline!.trainAccuracy, color: SERIES_COLORS[0] },
          { name: 'baseline test', x: baseline!.evalIterations, y: baseline!.testAccuracy, color: SERIES_COLORS[0], strokeDash: [6, 4] },
          { name: `${variants[k]!.short} train`, x: runs[k]!.evalIterations, y: runs[k]!.trainAccuracy, color: SERIES_COLORS[1] },
          { name: `${variants[k]!.short} test`, x: runs[k]!.evalIterations, y: runs[k]!.testAccuracy, color: SERIES_COLORS[1], strokeDash: [6, 4] },
        ],
        { title: `Overfitting: ${variants[k]!.label} vs baseline`, xLabel: 'iteration', yLabel: 'accuracy', yDomain: [0, 1], legend: 'bottom-right' },
      );
    const numbers: Record<string, JsonValue> = {
      hiddenSizes: [...s.hidden],
      trainImages: s.train,
      testImages: test.count,
      learningRate: s.lr,
      batchSize: s.batch,
      iterations: s.iterations,
      gap: Object.fromEntries(variants.map((v, k) => [v.id, gaps[k]!])),
    };
    variants.forEach((v, k) => {
      numbers[v.id] = { trainImages: v.train, evalIterations: runs[k]!.evalIterations, trainAccuracy: runs[k]!.trainAccuracy, testAccuracy: runs[k]!.testAccuracy };
    });
    return {
      figures: [
        {
          name: 'baseline',
          caption: `Train and test accuracy of the ${s.hidden.length} × ${s.hidden[0]} network on ${s.train} training images (test on ${test.count}): train accuracy reaches ${baseline!.trainAccuracy.at(-1)!.toFixed(2)} while test accuracy stalls at ${baseline!.testAccuracy.at(-1)!.toFixed(2)} (book fig 6-20).`,
          spec: accuracyChart(
            baseline!.evalIterations.map((i) => i / perEpoch),
            baseline!.trainAccuracy,
            baseline!.testAccuracy,
            { title: `Overfitting: ${s.train} training images, ${s.hidden.length} × ${s.hidden[0]} hidden` },
          ),
        },
        ...variants.slice(1).map((v, j) => ({
          name: v.id,
          caption: `${v.label} (orange) against the baseline (blue), same seed and ${s.iterations} iterations; solid train, dashed test. Final gap ${gaps[j + 1]!.toFixed(3)} vs ${gaps[0]!.toFixed(3)}.`,
          spec: compare(j + 1),
        })),
        {
          name: 'gaps',
          caption: 'Train − test accuracy at the end of each run (mean of the last three evaluations): the overfitting gap and how much each cure narrows it.',
          spec: barChart(
            variants.map((v) => v.label),
            gaps,
            { title: 'Overfitting gap (train − test accuracy)', xLabel: 'run', yLabel: 'gap', valueFormat: '.3f' },
          ),
        },
      ],
      key: variants.map((v, k) => ({
        label: `${v.label}: train / test / gap`,
        value: `${runs[k]!.trainAccuracy.at(-1)!.toFixed(3)} / ${runs[k]!.testAccuracy.at(-1)!.toFixed(3)} / ${gaps[k]!.toFixed(3)}`,
      })),
      numbers,
    };
  },
};
