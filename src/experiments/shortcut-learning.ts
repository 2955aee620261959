import type { ImageDataset } from '../data/dataset.js';
import { invertImages } from '../data/invert-images.js';
import { barChart } from '../plot/bar-chart.js';
import { createRng, type Rng } from '../tensor/rng.js';
import {
  bySize,
  requireMnist,
  type Experiment,
  type ExperimentContext,
  type ExperimentResult,
} from './experiment.js';
import { firstSamples, recordTraining } from './mnist-runs.js';

/** The grey of the shortcut background (0.5 after ÷ 255). */
const GREY = 128;

/** How each image's background is painted: grey or left black. */
type Background = (label: number, rng: Rng) => boolean;

/**
 * The images of two digits as a two-class set (label 0 for `digits[0]`, 1 for `digits[1]`),
 * with the background of the images that `grey` picks painted grey (pixel ← max(pixel, 128)).
 */
export function twoDigitSet(
  ds: ImageDataset,
  digits: readonly [number, number],
  grey: Background,
  rng: Rng,
): ImageDataset {
  const size = ds.rows * ds.cols;
  const keep: number[] = [];
  for (let n = 0; n < ds.count; n++) if (digits.includes(ds.labels[n]!)) keep.push(n);
  const images = new Uint8Array(keep.length * size);
  const labels = new Uint8Array(keep.length);
  keep.forEach((n, i) => {
    const label = ds.labels[n] === digits[0] ? 0 : 1;
    labels[i] = label;
    const paint = grey(label, rng);
    for (let k = 0; k < size; k++) {
      const v = ds.images[n * size + k]!;
      images[i * size + k] = paint ? Math.max(v, GREY) : v;
    }
  });
  return { ...ds, images, labels, count: keep.length, classes: 2 };
}

/**
 * shortcut-learning: a network learns the easiest cue that separates its training data. 3s on
 * black and 8s on grey: the net trained on them is near-perfect on test images with the same
 * backgrounds and collapses when the backgrounds are swapped, since it learned the background,
 * not the digit; a control trained with random backgrounds is unaffected by the swap. A standard
 * MNIST net also fails on inverted digits (dark ink on white paper), a distribution it never saw.
 * Book: training and test data, ch04 §4.1.2.
 * @example invertImages(ds).images[0] // 255 − ds.images[0] (not run: needs a dataset)
 */
export const shortcutLearningExperiment: Experiment = {
  name: 'shortcut-learning',
  title: 'Shortcut learning: the background instead of the digit',
  claim:
    'A network learns whatever separates its training data most easily: trained on 3s with a black and 8s with a grey background, it scores near 1 on test images with the same backgrounds and collapses when they are swapped, while a net trained with random backgrounds does not care; test data from another distribution (inverted digits) fails the same way (ch04 §4.1.2).',
  book: 'ch04 §4.1.2',
  note: {
    source: 'note 004, §3.4 학습 데이터, 테스트 데이터, 오버피팅',
    quote:
      '공교롭게도 고양이 이미지는 모두 배경이 검정색이었고, 강아지 이미지는 모두 배경이 노랑색이었다고 해보자. 그러면 모델은 고양이와 강아지를 구분하는 것이 아니라 검정 배경과 노랑 배경을 구분하는 것을 먼저 학습하게 되고, 검정 배경의 강아지 이미지를 입력받았을 때, 고양이라고 추론하게 되는 것이다!',
  },
  needsMnist: true,
  run(context: ExperimentContext): ExperimentResult {
    const mnist = requireMnist(context, 'shortcut-learning');
    const rng = createRng(context.seed);
    const digits: [number, number] = [3, 8];
    const trainPool = firstSamples(
      mnist.train,
      bySize(context.size, { tiny: 10_000, fast: 30_000, full: 60_000 }),
    );
    const iterations = bySize(context.size, { tiny: 300, fast: 1000, full: 3000 });
    const matched: Background = (label) => label === 1;
    const flipped: Background = (label) => label === 0;
    const neutral: Background = () => false;
    const random: Background = (_, r) => r.next() < 0.5;
    const tests = {
      matched: twoDigitSet(mnist.test, digits, matched, rng),
      flipped: twoDigitSet(mnist.test, digits, flipped, rng),
      neutral: twoDigitSet(mnist.test, digits, neutral, rng),
    };
    const train = (background: Background, label: string) =>
      recordTraining(
        { hiddenSizes: [50], iterations, seed: context.seed },
        { train: twoDigitSet(trainPool, digits, background, rng), test: tests.neutral },
        { every: iterations, progress: context.progress, label },
      ).run;
    const shortcut = train(matched, 'grey 8s');
    const control = train(random, 'random backgrounds');
    const accuracies = (run: ReturnType<typeof train>) => ({
      train: run.evaluator.accuracy(run.network, run.data.train),
      matched: run.evaluator.accuracy(run.network, tests.matched),
      flipped: run.evaluator.accuracy(run.network, tests.flipped),
      neutral: run.evaluator.accuracy(run.network, tests.neutral),
    });
    const a = accuracies(shortcut);
    const c = accuracies(control);

    // Black ink on white paper: the standard ten-class net on inverted test digits.
    const standard = recordTraining(
      { iterations: iterations * 2, seed: context.seed },
      { train: trainPool, test: mnist.test },
      { every: iterations * 2, progress: context.progress, label: 'standard MNIST' },
    ).run;
    const plain = standard.evaluator.accuracy(standard.network, mnist.test);
    const inverted = standard.evaluator.accuracy(standard.network, invertImages(mnist.test));

    const labels = ['matched', 'flipped', 'neutral'] as const;
    const short = { matched: 'same', flipped: 'swapped', neutral: 'black' } as const;
    return {
      figures: [
        {
          name: 'accuracies',
          caption: `Test accuracy of the net trained on black 3s and grey 8s: same backgrounds ${a.matched.toFixed(3)}, swapped ${a.flipped.toFixed(3)}, all black ${a.neutral.toFixed(3)}. It learned the background. The control trained with random backgrounds: ${c.matched.toFixed(3)}, ${c.flipped.toFixed(3)}, ${c.neutral.toFixed(3)}.`,
          spec: barChart(
            [
              ...labels.map((l) => `shortcut/${short[l]}`),
              ...labels.map((l) => `control/${short[l]}`),
            ],
            [...labels.map((l) => a[l]), ...labels.map((l) => c[l])],
            {
              title: '3 vs 8: accuracy by test background',
              xLabel: 'network / test backgrounds (same as training, swapped, all black)',
              width: 720,
              yLabel: 'test accuracy',
              yDomain: [0, 1],
              highlight: 1,
              valueFormat: '.3f',
            },
          ),
        },
        {
          name: 'inverted',
          caption: `The standard ten-class net (${iterations * 2} iterations): ${plain.toFixed(3)} on MNIST's white-on-black test digits, ${inverted.toFixed(3)} on the same digits inverted (dark ink on white paper), a distribution its training data never had.`,
          spec: barChart(['test digits', 'inverted test digits'], [plain, inverted], {
            title: 'White paper instead of black',
            xLabel: 'test set',
            yLabel: 'test accuracy',
            yDomain: [0, 1],
            highlight: 1,
            valueFormat: '.3f',
          }),
        },
      ],
      key: [
        { label: 'shortcut net: train accuracy', value: a.train },
        {
          label: 'shortcut net: matched / flipped / neutral test',
          value: `${a.matched.toFixed(4)} / ${a.flipped.toFixed(4)} / ${a.neutral.toFixed(4)}`,
        },
        {
          label: 'control net: matched / flipped / neutral test',
          value: `${c.matched.toFixed(4)} / ${c.flipped.toFixed(4)} / ${c.neutral.toFixed(4)}`,
        },
        {
          label: 'standard net: test / inverted test',
          value: `${plain.toFixed(4)} / ${inverted.toFixed(4)}`,
        },
      ],
      numbers: {
        digits,
        iterations,
        trainImages: shortcut.data.train.count,
        shortcut: a,
        control: c,
        standardTest: plain,
        standardInverted: inverted,
      },
    };
  },
};
