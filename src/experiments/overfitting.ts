import { accuracyChart } from '../plot/accuracy-chart.js';
import { barChart } from '../plot/bar-chart.js';
import { lineChart } from '../plot/line-chart.js';
import { SERIES_COLORS } from '../plot/palette.js';
import type { Experiment, ExperimentContext, ExperimentResult, JsonValue } from './experiment.js';
import { earlyStoppingIndex, runOverfitting } from './overfitting-runs.js';

/**
 * overfitting: a deep net (6 × 100 ReLU hidden layers, He init) trained on 300 MNIST images for
 * many epochs reaches train accuracy near 1 while test accuracy stalls far below; weight decay
 * (λ = 0.1), dropout (ratio 0.2) and 10× more data are each run with the same seed and budget
 * and plotted against that baseline. Fast size: lr 0.03 for 240 iterations (80 epochs), test on
 * 1000 images; full: the book's lr 0.01 for 603 iterations (201 epochs) on the whole test set.
 * Key numbers: the train − test gap of each run.
 * Book: overfit_weight_decay.py, overfit_dropout.py (ch06 §6.4).
 * @example overfittingExperiment.run({ size: 'tiny', seed: 0, mnist }).numbers.gap // not run: needs MNIST
 */
export const overfittingExperiment: Experiment = {
  name: 'overfitting',
  title: 'Overfitting and three cures',
  claim:
    'A network much larger than its data memorises it: on 300 MNIST images a 6 × 100 network reaches train accuracy near 1.0 while test accuracy stalls more than 0.2 below, and its test loss falls and then rises (stop at its minimum: early stopping); weight decay, dropout, more data and a smaller model each narrow that gap (ch06 §6.4).',
  book: 'ch06 §6.4',
  note: {
    source: 'note 003, 오버피팅',
    quote:
      'Training Set에 대한 loss는 계속 떨어지는데, Test Set에 대한 loss는 감소하다가 다시 증가합니다.\n1. 데이터 양 늘리기\n2. 모델의 복잡도 줄이기\n3. 가중치 규제(regularization)\n4. dropout',
  },
  needsMnist: true,
  run(context: ExperimentContext): ExperimentResult {
    const { size: s, testImages, runs } = runOverfitting(context);
    const baseline = runs[0]!.recorded;
    const perEpoch = s.train / s.batch;
    const compare = (k: number) =>
      lineChart(
        [
          {
            name: 'baseline train',
            x: baseline.evalIterations,
            y: baseline.trainAccuracy,
            color: SERIES_COLORS[0],
          },
          {
            name: 'baseline test',
            x: baseline.evalIterations,
            y: baseline.testAccuracy,
            color: SERIES_COLORS[0],
            strokeDash: [6, 4],
          },
          {
            name: `${runs[k]!.short} train`,
            x: runs[k]!.recorded.evalIterations,
            y: runs[k]!.recorded.trainAccuracy,
            color: SERIES_COLORS[1],
          },
          {
            name: `${runs[k]!.short} test`,
            x: runs[k]!.recorded.evalIterations,
            y: runs[k]!.recorded.testAccuracy,
            color: SERIES_COLORS[1],
            strokeDash: [6, 4],
          },
        ],
        {
          title: `Overfitting: ${runs[k]!.label} vs baseline`,
          xLabel: 'iteration',
          yLabel: 'accuracy',
          yDomain: [0, 1],
          legend: 'bottom-right',
        },
      );
    const numbers: Record<string, JsonValue> = {
      hiddenSizes: [...s.hidden],
      trainImages: s.train,
      testImages,
      learningRate: s.lr,
      batchSize: s.batch,
      iterations: s.iterations,
      gap: Object.fromEntries(runs.map((r) => [r.id, r.gap])),
    };
    for (const r of runs) {
      const { evalIterations, trainAccuracy, testAccuracy, trainLoss, testLoss } = r.recorded;
      numbers[r.id] = {
        trainImages: r.trainImages,
        evalIterations,
        trainAccuracy,
        testAccuracy,
        trainLoss,
        testLoss,
      };
    }
    // The test loss falls, then rises: stopping at its minimum is early stopping.
    const stop = earlyStoppingIndex(baseline.testLoss);
    const stopIteration = baseline.evalIterations[stop]!;
    numbers.earlyStopping = {
      index: stop,
      iteration: stopIteration,
      testLoss: baseline.testLoss[stop]!,
      finalTestLoss: baseline.testLoss.at(-1)!,
      testAccuracyThere: baseline.testAccuracy[stop]!,
    };
    return {
      figures: [
        {
          name: 'baseline',
          caption: `Train and test accuracy of the ${s.hidden.length} × ${s.hidden[0]} network on ${s.train} training images (test on ${testImages}): train accuracy reaches ${baseline.trainAccuracy.at(-1)!.toFixed(2)} while test accuracy stalls at ${baseline.testAccuracy.at(-1)!.toFixed(2)} (book fig 6-20).`,
          spec: accuracyChart(
            baseline.evalIterations.map((i) => i / perEpoch),
            baseline.trainAccuracy,
            baseline.testAccuracy,
            {
              title: `Overfitting: ${s.train} training images, ${s.hidden.length} × ${s.hidden[0]} hidden`,
            },
          ),
        },
        {
          name: 'loss-curves',
          caption: `Mean loss of the baseline on its ${s.train} training images (solid) and on the test images (dashed): the training loss keeps falling, the test loss falls to ${baseline.testLoss[stop]!.toFixed(3)} at iteration ${stopIteration} and then rises to ${baseline.testLoss.at(-1)!.toFixed(3)}. Stopping at that minimum (the dot) is early stopping; the smaller model (orange) over-fits less.`,
          spec: lineChart(
            [
              {
                name: 'baseline train loss',
                x: baseline.evalIterations,
                y: baseline.trainLoss,
                color: SERIES_COLORS[0],
              },
              {
                name: 'baseline test loss',
                x: baseline.evalIterations,
                y: baseline.testLoss,
                color: SERIES_COLORS[0],
                strokeDash: [6, 4],
              },
              {
                name: 'smaller model test loss',
                x: runs[4]!.recorded.evalIterations,
                y: runs[4]!.recorded.testLoss,
                color: SERIES_COLORS[1],
                strokeDash: [6, 4],
              },
              {
                name: 'early stopping point',
                x: [stopIteration],
                y: [baseline.testLoss[stop]!],
                color: SERIES_COLORS[3],
                points: true,
              },
            ],
            {
              title: 'Over-fitting in the loss: the test loss turns up',
              xLabel: 'iteration',
              yLabel: 'mean loss',
              yScale: 'log',
              legend: 'top-right',
            },
          ),
        },
        ...runs.slice(1).map((r, j) => ({
          name: r.id,
          caption: `${r.label} (orange) against the baseline (blue), same seed and ${s.iterations} iterations; solid train, dashed test. Final gap ${r.gap.toFixed(3)} vs ${runs[0]!.gap.toFixed(3)}.`,
          spec: compare(j + 1),
        })),
        {
          name: 'gaps',
          caption:
            'Train − test accuracy at the end of each run (mean of the last three evaluations): the overfitting gap and how much each cure narrows it.',
          spec: barChart(
            runs.map((r) => r.label),
            runs.map((r) => r.gap),
            {
              title: 'Overfitting gap (train − test accuracy)',
              xLabel: 'run',
              yLabel: 'gap',
              valueFormat: '.3f',
            },
          ),
        },
      ],
      key: [
        ...runs.map((r) => ({
          label: `${r.label}: train / test / gap`,
          value: `${r.recorded.trainAccuracy.at(-1)!.toFixed(3)} / ${r.recorded.testAccuracy.at(-1)!.toFixed(3)} / ${r.gap.toFixed(3)}`,
        })),
        {
          label: 'baseline test loss: minimum (iteration) → final',
          value: `${baseline.testLoss[stop]!.toFixed(4)} (${stopIteration}) → ${baseline.testLoss.at(-1)!.toFixed(4)}`,
        },
      ],
      numbers,
    };
  },
};
