import { fillImageBatch, fillLabelBatch, type ImageDataset } from '../data/dataset.js';
import { TwoLayerNet } from '../models/two-layer-net.js';
import { gradientCheck } from '../numerical/gradient-check.js';
import { accuracyChart } from '../plot/accuracy-chart.js';
import { lineChart } from '../plot/line-chart.js';
import { lossChart } from '../plot/loss-chart.js';
import { zeros } from '../tensor/creation.js';
import { createRng } from '../tensor/rng.js';
import {
  bySize,
  requireMnist,
  type Experiment,
  type ExperimentContext,
  type ExperimentResult,
} from './experiment.js';
import { downsample, firstSamples, recordTraining } from './mnist-runs.js';

/** Sizes: the book's run (full) and shorter ones; `numerical` is the run length of the numerical-gradient comparison. */
const SIZES = {
  tiny: {
    iterations: 200,
    every: 100,
    evalTrain: 500,
    test: 500,
    numerical: 15,
    checkNet: 'small',
  },
  fast: {
    iterations: 1200,
    every: 100,
    evalTrain: 2000,
    test: 2000,
    numerical: 100,
    checkNet: 'small',
  },
  full: {
    iterations: 10000,
    every: 600,
    evalTrain: 60000,
    test: 10000,
    numerical: 500,
    checkNet: 'book',
  },
} as const;

/** The book's gradient_check.py: mean |backprop − numerical| per parameter on the first 3 images, in float64. */
function bookGradientCheck(
  ds: ImageDataset,
  inputSize: number,
  hidden: number,
  seed: number,
): Record<string, number> {
  const net = new TwoLayerNet(inputSize, hidden, 10, { rng: createRng(seed) });
  const index = Int32Array.of(0, 1, 2);
  const x = zeros([3, inputSize]);
  fillImageBatch(ds, index, 3, x.data);
  const t = fillLabelBatch(ds, index, 3, new Int32Array(3));
  const check = gradientCheck(net.gradient(x, t).grads, net.numericalGradient(x, t));
  return Object.fromEntries(Object.entries(check).map(([key, d]) => [key, d.meanAbs]));
}

/**
 * train-mnist: the book's training curves (TwoLayerNet 784-50-10 with sigmoid, SGD lr 0.1, batch
 * 100: loss per iteration, train and test accuracy per epoch), then the same training loop on
 * 7 × 7 downsampled MNIST (a 49-10-10 net) with numerical and with backprop gradients from the
 * same seed: the two runs follow the same curve, and the book's gradient check.
 * Key numbers: final accuracies, the largest loss difference between the numerical and backprop
 * runs, and the cost of one numerical gradient (2 loss evaluations per parameter).
 * Book: train_neuralnet.py (ch04 §4.5, figs 4-11 and 4-12), gradient_check.py (ch05 §5.7.3).
 * @example trainMnistExperiment.run({ size: 'tiny', seed: 0, mnist }).numbers.maxLossDifference // not run: needs MNIST
 */
export const trainMnistExperiment: Experiment = {
  name: 'train-mnist',
  title: 'Training a two-layer net on MNIST',
  claim:
    'Mini-batch SGD on the loss trains the two-layer net: the loss falls and train and test accuracy rise together; numerical and backprop gradients give the same training curve, but the numerical one costs two loss evaluations per parameter while backprop costs one forward and one backward pass (ch04 §4.5, ch05 §5.7).',
  book: 'ch04 §4.5, ch05 §5.7',
  note: {
    source: 'note 000, [정리]',
    quote:
      '신경망 학습은 손실 함수를 지표로, 손실 함수의 값이 작아지는 방향으로 가중치 매개변수를 갱신한다.\n…\n수치 미분을 이용한 계산에는 시간이 걸리지만, 그 구현은 간단하다. 한편, 다음 장에서 구현하는 다소 복잡한 오차역전파법은 기울기를 고속으로 구할 수 있다.',
  },
  needsMnist: true,
  run(context: ExperimentContext): ExperimentResult {
    const mnist = requireMnist(context, 'train-mnist');
    const s = bySize(context.size, SIZES);
    const seed = context.seed;
    const book = recordTraining(
      {
        model: 'two-layer',
        hiddenSizes: [50],
        activation: 'sigmoid',
        learningRate: 0.1,
        batchSize: 100,
        iterations: s.iterations,
        seed,
      },
      { train: mnist.train, test: firstSamples(mnist.test, s.test) },
      {
        every: s.every,
        evalTrain: firstSamples(mnist.train, s.evalTrain),
        progress: context.progress,
        label: 'backprop 784-50-10',
      },
    );
    const perEpoch = book.run.iterationsPerEpoch;
    const small = {
      train: downsample(firstSamples(mnist.train, 10000), 4),
      test: downsample(firstSamples(mnist.test, 1000), 4),
    };
    const compare = (grad: 'numerical' | 'backprop') =>
      recordTraining(
        // Xavier init (multi-layer) learns in a few dozen steps where the book's σ = 0.01 would need hundreds.
        {
          model: 'multi-layer',
          hiddenSizes: [10],
          activation: 'sigmoid',
          dtype: 'float64',
          learningRate: 2,
          batchSize: 20,
          iterations: s.numerical,
          grad,
          seed,
        },
        small,
        { every: s.numerical, progress: context.progress, label: `${grad} 49-10-10` },
      );
    const numerical = compare('numerical');
    const backprop = compare('backprop');
    const maxLossDifference = Math.max(
      ...numerical.loss.map((l, i) => Math.abs(l - backprop.loss[i]!)),
    );
    const parameters = Object.values(backprop.run.network.params).reduce((n, p) => n + p.size, 0);
    const check =
      s.checkNet === 'book'
        ? bookGradientCheck(mnist.train, 784, 50, seed)
        : bookGradientCheck(small.train, 49, 10, seed);
    const steps = (r: typeof book) => r.loss.map((_, i) => i + 1);
    return {
      figures: [
        {
          name: 'loss',
          caption: `Mini-batch loss per iteration of TwoLayerNet(784, 50, 10) with sigmoid, SGD lr 0.1, batch 100, ${s.iterations} iterations (book fig 4-11): noisy, because every point is a different batch, but falling.`,
          spec: lossChart(steps(book), book.loss, {
            title: 'Training loss (784-50-10, sigmoid, backprop)',
          }),
        },
        {
          name: 'accuracy',
          caption: `Train accuracy (on ${s.evalTrain} training images) and test accuracy (on ${s.test} test images) per epoch of ${perEpoch} iterations (book fig 4-12): the curves rise together, so the network generalises.`,
          spec: accuracyChart(
            book.evalIterations.map((i) => i / perEpoch),
            book.trainAccuracy,
            book.testAccuracy,
            { title: 'Accuracy per epoch (784-50-10, sigmoid)' },
          ),
        },
        {
          name: 'numerical-vs-backprop',
          caption: `The same training loop on 7 × 7 downsampled MNIST (${parameters} parameters), same seed and batches, with numerical (dashed) and backprop (solid) gradients: the curves coincide (largest loss difference ${maxLossDifference.toExponential(1)}). Each numerical gradient costs ${2 * parameters} loss evaluations.`,
          spec: lineChart(
            [
              { name: 'backprop', x: steps(backprop), y: backprop.loss },
              { name: 'numerical', x: steps(numerical), y: numerical.loss, strokeDash: [6, 4] },
            ],
            {
              title: 'Numerical vs backprop gradients (49-10-10)',
              xLabel: 'iteration',
              yLabel: 'loss',
              legend: 'top-right',
            },
          ),
        },
      ],
      key: [
        {
          label: `784-50-10 after ${s.iterations} iterations: train / test accuracy`,
          value: `${book.trainAccuracy.at(-1)!.toFixed(4)} / ${book.testAccuracy.at(-1)!.toFixed(4)}`,
        },
        { label: 'numerical vs backprop run: largest loss difference', value: maxLossDifference },
        {
          label: 'loss evaluations per numerical gradient (49-10-10 / 784-50-10)',
          value: `${2 * parameters} / ${2 * (784 * 50 + 50 + 50 * 10 + 10)}`,
        },
        {
          label: `gradient check, mean |backprop − numerical| (${s.checkNet === 'book' ? '784-50-10' : '49-10-10'}, 3 images)`,
          value: Object.entries(check)
            .map(([k, v]) => `${k}: ${v.toExponential(2)}`)
            .join(', '),
        },
      ],
      numbers: {
        book: {
          iterations: s.iterations,
          evalIterations: book.evalIterations,
          trainAccuracy: book.trainAccuracy,
          testAccuracy: book.testAccuracy,
          finalLoss: book.loss.at(-1)!,
        },
        comparison: {
          parameters,
          iterations: s.numerical,
          numericalLoss: numerical.loss,
          backpropLoss: backprop.loss,
          maxLossDifference,
          numericalTestAccuracy: numerical.testAccuracy.at(-1)!,
          backpropTestAccuracy: backprop.testAccuracy.at(-1)!,
        },
        gradientCheck: check,
        lossEvaluationsPerNumericalGradient: 2 * parameters,
      },
    };
  },
};
