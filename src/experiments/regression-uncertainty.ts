import { gaussianHead } from '../heads/gaussian.js';
import { gaussianVarianceHead } from '../heads/gaussian-variance.js';
import type { Head } from '../heads/head.js';
import { lineChart } from '../plot/line-chart.js';
import { SERIES_COLORS } from '../plot/palette.js';
import { scatterChart, type ScatterSeries } from '../plot/scatter-chart.js';
import { fromArray } from '../tensor/creation.js';
import { createRng, type Rng } from '../tensor/rng.js';
import {
  bySize,
  type Experiment,
  type ExperimentContext,
  type ExperimentFigure,
  type ExperimentResult,
} from './experiment.js';
import { fitHead, type FitOptions, type HeadData } from './fit-head.js';

const X_MAX = 3;
/** The true mean and noise: the noise grows with x, from 0.05 at x = 0 to 0.8 at x = 3. */
const trueMean = (x: number): number => Math.sin(2 * x) + 0.3 * x;
const trueSigma = (x: number): number => 0.05 + 0.25 * x;
/** The x bins of the coverage figure and assert: the quiet, middle and noisy thirds. */
const BINS = 3;

function noisyData(n: number, rng: Rng): HeadData {
  const x = Float64Array.from({ length: n }, () => X_MAX * rng.next());
  const y = x.map((v) => trueMean(v) + trueSigma(v) * rng.normal());
  return { x, inputSize: 1, y, size: 1 };
}

/** Mean and σ of the predictive distribution at each x, from a trained net and its head. */
function predictive(head: Head, net: ReturnType<typeof fitHead>['net'], xs: Float64Array) {
  const out = net.predict(fromArray(xs, [xs.length, 1]));
  return {
    out,
    mean: Float64Array.from(head.predict(out).data),
    sigma: Float64Array.from((head.variance?.(out) ?? out).data, Math.sqrt),
  };
}

/** Fraction of held-out points inside μ ± 2σ, overall and per third of x. */
function coverage(data: HeadData, mean: Float64Array, sigma: Float64Array) {
  const inside = Array.from(data.x, (_, i) => Math.abs(data.y[i] - mean[i]) <= 2 * sigma[i]);
  const byBin = Array.from({ length: BINS }, (_, b) => {
    const idx = inside.flatMap((_, i) => (Math.floor((data.x[i] / X_MAX) * BINS) === b ? [i] : []));
    return idx.filter((i) => inside[i]).length / idx.length;
  });
  return { total: inside.filter(Boolean).length / inside.length, byBin };
}

/** One trained network: its band figure and its numbers. */
function runHead(
  label: string,
  head: Head,
  train: HeadData,
  test: HeadData,
  fit: FitOptions,
  seed: number,
) {
  const { net } = fitHead(head, train, fit);
  // A fixed σ is not learned: it is set to the maximum-likelihood σ̂ = the training RMSE.
  const trainOut = net.predict(fromArray(train.x, [train.x.length, 1]));
  const fitted =
    head.fitScale === undefined
      ? head
      : (head.withScale?.(head.fitScale(trainOut, fromArray(train.y, [train.y.length, 1]))) ??
        head);
  const testP = predictive(fitted, net, test.x);
  const cov = coverage(test, testP.mean, testP.sigma);
  const nll = fitted.metrics(testP.out, fromArray(test.y, [test.y.length, 1])).nll;
  const grid = Float64Array.from({ length: 121 }, (_, i) => (X_MAX * i) / 120);
  const g = predictive(fitted, net, grid);
  const samples = fitted.sample(g.out, createRng(seed)).data;
  const series: ScatterSeries[] = [
    {
      name: 'held-out data',
      x: test.x,
      y: test.y,
      color: SERIES_COLORS[0],
      opacity: 0.35,
      size: 12,
    },
    { name: 'samples from the net', x: grid, y: samples, color: SERIES_COLORS[1], size: 22 },
    { name: 'mean μ(x)', x: grid, y: g.mean, mark: 'line', color: SERIES_COLORS[3] },
    {
      name: 'μ + 2σ',
      x: grid,
      y: g.mean.map((m, i) => m + 2 * g.sigma[i]),
      mark: 'line',
      color: SERIES_COLORS[3],
      strokeDash: [6, 4],
    },
    {
      name: 'μ − 2σ',
      x: grid,
      y: g.mean.map((m, i) => m - 2 * g.sigma[i]),
      mark: 'line',
      color: SERIES_COLORS[3],
      strokeDash: [6, 4],
    },
  ];
  return {
    cov,
    nll,
    sigmaAt: [g.sigma[0], g.sigma[60], g.sigma[120]],
    figure: {
      name: head.name,
      caption: `${label}: ${test.x.length} held-out points (noise σ(x) = 0.05 + 0.25x), the mean μ(x), the band μ ± 2σ and one sample per grid x from the trained network. ±2σ covers ${(100 * cov.total).toFixed(1)}% of the held-out points (${cov.byBin.map((c) => (100 * c).toFixed(0) + '%').join(', ')} in the thirds of x).`,
      spec: scatterChart(series, { title: label, xLabel: 'x', yLabel: 'y' }),
    } satisfies ExperimentFigure,
  };
}

/**
 * regression-uncertainty: 1-D data whose noise grows with x. A gaussian-variance network (μ and
 * σ² = softplus(s)) learns σ(x), and its μ ± 2σ band covers about 95% of held-out points in every
 * part of x; a fixed-σ gaussian network (σ̂ = training RMSE) has one width everywhere, too wide
 * where the data is quiet and too narrow where it is noisy.
 * Book: ch04 §4.2 read as maximum likelihood, with the variance as an output too (docs/math.md §3).
 * @example regressionUncertaintyExperiment.run({ size: 'tiny', seed: 0 }).numbers.learnedVariance; // not run: trains two networks (about 8 s; test/experiments/regression-uncertainty.test.ts runs it)
 */
export const regressionUncertaintyExperiment: Experiment = {
  name: 'regression-uncertainty',
  title: 'A network that learns its own uncertainty',
  claim:
    'When the network outputs a variance as well as a mean and trains on the Gaussian NLL, its μ ± 2σ band covers 95% of new points wherever the noise is; a fixed σ cannot (ch04 §4.2 read as maximum likelihood: the output is the parameter of p(y | f(x))).',
  book: 'ch04 §4.2',
  note: {
    source: 'note 000, 최대 가능도(Maximum Likelihood) 관점',
    quote:
      '→ 해당 확률분포가 어떤 확률분포를 따를지 가정해야합니다. ex) 가우시안 분포, 베르누이 분포\n…\n따라서, 신경망을 통해 Likelihood의 파라미터값들을 예측하는 것이다.',
  },
  needsMnist: false,
  run(context: ExperimentContext): ExperimentResult {
    const n = bySize(context.size, { tiny: 600, fast: 2000, full: 5000 });
    const steps = bySize(context.size, { tiny: 1500, fast: 4000, full: 10000 });
    const rng = createRng(context.seed);
    const train = noisyData(n, rng);
    const test = noisyData(3000, rng);
    const fit: FitOptions = {
      hiddenSizes: [32],
      steps,
      batchSize: 64,
      learningRate: 0.01,
      seed: context.seed + 1,
    };
    const learned = runHead(
      'gaussian-variance: learned σ(x)',
      gaussianVarianceHead,
      train,
      test,
      fit,
      context.seed + 2,
    );
    const fixed = runHead('gaussian: fixed σ', gaussianHead(), train, test, fit, context.seed + 2);
    const bins = Array.from({ length: BINS }, (_, b) => (X_MAX * (b + 0.5)) / BINS);
    const numbers = (r: typeof learned) => ({
      coverage: r.cov.total,
      coverageByThird: r.cov.byBin,
      heldOutNll: r.nll,
      sigmaAtX0_1p5_3: r.sigmaAt,
    });
    return {
      figures: [
        learned.figure,
        fixed.figure,
        {
          name: 'coverage',
          caption:
            'Fraction of held-out points inside μ ± 2σ in each third of x: the learned variance stays near 95% everywhere; the fixed σ over-covers the quiet third and under-covers the noisy one.',
          spec: lineChart(
            [
              {
                name: 'gaussian-variance',
                x: bins,
                y: learned.cov.byBin,
                color: SERIES_COLORS[0],
                points: true,
              },
              {
                name: 'gaussian (fixed σ)',
                x: bins,
                y: fixed.cov.byBin,
                color: SERIES_COLORS[1],
                points: true,
              },
              { name: '95%', x: [0, X_MAX], y: [0.95, 0.95], color: '#222', strokeDash: [4, 6] },
            ],
            {
              title: 'Coverage of μ ± 2σ along x',
              xLabel: 'x (centre of the third)',
              yLabel: 'coverage',
              yDomain: [0.6, 1],
            },
          ),
        },
      ],
      key: [
        {
          label: 'gaussian-variance: ±2σ coverage of held-out points',
          value: Number(learned.cov.total.toFixed(3)),
        },
        {
          label: 'gaussian (fixed σ): coverage in the quiet / noisy third',
          value: `${fixed.cov.byBin[0].toFixed(3)} / ${fixed.cov.byBin[BINS - 1].toFixed(3)}`,
        },
        {
          label: 'held-out NLL: learned σ vs fixed σ',
          value: `${learned.nll.toFixed(3)} vs ${fixed.nll.toFixed(3)}`,
        },
      ],
      numbers: {
        trainPoints: n,
        heldOutPoints: test.x.length,
        steps,
        learnedVariance: numbers(learned),
        fixedSigma: numbers(fixed),
      },
    };
  },
};
