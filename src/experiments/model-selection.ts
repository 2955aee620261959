import { subset, type ImageDataset } from '../data/dataset.js';
import { barChart } from '../plot/bar-chart.js';
import { createRng } from '../tensor/rng.js';
import {
  bySize,
  requireMnist,
  type Experiment,
  type ExperimentContext,
  type ExperimentResult,
} from './experiment.js';
import { recordTraining } from './mnist-runs.js';

/** Train, validation and test sets cut from one data set in the ratio a : b : c (seeded). */
export function splitThree(
  ds: ImageDataset,
  ratio: readonly [number, number, number],
  seed: number,
): { train: ImageDataset; validation: ImageDataset; test: ImageDataset } {
  const order = createRng(seed).permutation(ds.count);
  const total = ratio[0] + ratio[1] + ratio[2];
  const nTrain = Math.round((ds.count * ratio[0]) / total);
  const nValidation = Math.round((ds.count * ratio[1]) / total);
  return {
    train: subset(ds, order.subarray(0, nTrain)),
    validation: subset(ds, order.subarray(nTrain, nTrain + nValidation)),
    test: subset(ds, order.subarray(nTrain + nValidation)),
  };
}

/**
 * model-selection: choosing a model without looking at the test set. The MNIST training images
 * are split 8 : 1 : 1 (seeded) into train, validation and test; two-layer nets with 10, 50 and
 * 200 hidden units train on the first part, the one with the best validation accuracy is chosen,
 * and only that one is measured once on the test part.
 * Book: the validation data of ch06 §6.5.1 (hyperparameter search), train/test of ch04 §4.1.2.
 * @example splitThree(ds, [8, 1, 1], 0).validation.count // ds.count / 10 (not run: needs a dataset)
 */
export const modelSelectionExperiment: Experiment = {
  name: 'model-selection',
  title: 'Model selection with a validation set',
  claim:
    'Hyperparameters (here the hidden size) are chosen on validation data, never on the test data: of 10, 50 and 200 hidden units, the one with the best validation accuracy is kept, and the test set, split off 8 : 1 : 1 beforehand, is used once, for that model only (ch06 §6.5.1).',
  book: 'ch06 §6.5.1',
  note: {
    source: 'note 004, §3.4 학습 데이터, 테스트 데이터, 오버피팅',
    quote:
      '경우에 따라서는 train set, validation set, test set으로 나누는 경우도 있다. train set은 학습을 위해, validation set은 여러 모델의 성능을 비교하기 위해, test set은 최종 성능 검증을 위해 나눠놓는 것. 통상적으로 데이터셋의 비율은 8:1:1 혹은 9:1 정도로 나눈다.',
  },
  needsMnist: true,
  run(context: ExperimentContext): ExperimentResult {
    const mnist = requireMnist(context, 'model-selection');
    const count = bySize(context.size, { tiny: 3000, fast: 20_000, full: 60_000 });
    const iterations = bySize(context.size, { tiny: 300, fast: 2000, full: 6000 });
    const pool =
      count >= mnist.train.count
        ? mnist.train
        : subset(
            mnist.train,
            Int32Array.from({ length: count }, (_, i) => i),
          );
    const split = splitThree(pool, [8, 1, 1], context.seed);
    const hiddenSizes = [10, 50, 200];
    const runs = hiddenSizes.map((h) =>
      recordTraining(
        { hiddenSizes: [h], iterations, seed: context.seed },
        { train: split.train, test: split.validation },
        { every: iterations, progress: context.progress, label: `hidden ${h}` },
      ),
    );
    const validation = runs.map((r) => r.testAccuracy.at(-1)!);
    const trainAccuracy = runs.map((r) => r.trainAccuracy.at(-1)!);
    const best = validation.indexOf(Math.max(...validation));
    const chosen = runs[best]!.run;
    const testAccuracy = chosen.evaluator.accuracy(chosen.network, split.test);
    return {
      figures: [
        {
          name: 'validation',
          caption: `Validation accuracy after ${iterations} iterations on ${split.train.count} training images: ${hiddenSizes
            .map((h, i) => `${h} hidden ${validation[i]!.toFixed(4)}`)
            .join(
              ', ',
            )}. The ${hiddenSizes[best]}-unit net is chosen; its accuracy on the ${split.test.count} test images, measured once, is ${testAccuracy.toFixed(4)}.`,
          spec: barChart(
            hiddenSizes.map((h) => `${h} hidden`),
            validation,
            {
              title: 'Validation accuracy per hidden size',
              xLabel: 'model',
              yLabel: 'validation accuracy',
              yDomain: [0, 1],
              highlight: best,
              valueFormat: '.4f',
            },
          ),
        },
      ],
      key: [
        {
          label: 'split (train / validation / test)',
          value: `${split.train.count} / ${split.validation.count} / ${split.test.count}`,
        },
        ...hiddenSizes.map((h, i) => ({
          label: `hidden ${h}: validation accuracy`,
          value: validation[i]!,
        })),
        { label: 'chosen hidden size', value: hiddenSizes[best]! },
        { label: 'test accuracy of the chosen model (measured once)', value: testAccuracy },
      ],
      numbers: {
        split: [split.train.count, split.validation.count, split.test.count],
        iterations,
        hiddenSizes,
        trainAccuracy,
        validationAccuracy: validation,
        chosenHidden: hiddenSizes[best]!,
        chosenIndex: best,
        testAccuracy,
        testMeasured: 1,
      },
    };
  },
};
