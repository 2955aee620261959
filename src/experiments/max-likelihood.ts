import { lineChart, type LineSeries } from '../plot/line-chart.js';
import { SERIES_COLORS } from '../plot/palette.js';
import { scatterChart, type ScatterSeries } from '../plot/scatter-chart.js';
import { createRng, type Rng } from '../tensor/rng.js';
import { fromArray } from '../tensor/creation.js';
import type { Tensor } from '../tensor/tensor.js';
import type { Head } from '../heads/head.js';
import { meanNll } from '../heads/head-metrics.js';
import {
  bySize,
  type Experiment,
  type ExperimentContext,
  type ExperimentFigure,
  type ExperimentResult,
  type JsonValue,
} from './experiment.js';
import {
  fitByLoss,
  LIKELIHOOD_FAMILIES,
  linearNet,
  maximiseLikelihood,
  type LikelihoodFamily,
} from './likelihood-families.js';

const X_RANGE = [-3, 3] as const;

/** n inputs drawn uniformly from X_RANGE. */
function uniformInputs(n: number, rng: Rng): Float64Array {
  return Float64Array.from(
    { length: n },
    () => X_RANGE[0] + (X_RANGE[1] - X_RANGE[0]) * rng.next(),
  );
}

/** The outputs z = w·x + b as a column (N, 1). */
const outputs = (x: ArrayLike<number>, w: number, b: number): Tensor =>
  fromArray(
    Float64Array.from(x, (v) => w * v + b),
    [x.length, 1],
  );

/** The family's head; the Gaussian's with σ = `scale`. */
const headOf = (family: LikelihoodFamily, scale: number): Head =>
  family.head.withScale?.(scale) ?? family.head;

/** Mean log-likelihood of the data under z = w·x + b (the head's, from the density, with constants). */
function meanLogLikelihood(
  family: LikelihoodFamily,
  x: Float64Array,
  y: Float64Array,
  w: number,
  b: number,
  scale: number,
): number {
  return -meanNll(headOf(family, scale).logLikelihood(outputs(x, w, b), fromArray(y)));
}

/** The network's loss (the head's loss layer, mean) on the data at (w, b). */
function meanLoss(
  family: LikelihoodFamily,
  x: Float64Array,
  y: Float64Array,
  w: number,
  b: number,
): number {
  return family.head.createLoss().forward(outputs(x, w, b), fromArray(y));
}

/** (v − min) / (max − min): the shape of a curve without its offset and scale. */
function unitRange(values: readonly number[]): number[] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return values.map((v) => (v - lo) / (hi - lo));
}

/** Runs one family: data, loss fit, likelihood fit, samples, profile curves and their figure. */
function runFamily(family: LikelihoodFamily, n: number, seed: number) {
  const rng = createRng(seed);
  const [tw, tb] = family.truth;
  const trueSigma = 0.8;
  const x = uniformInputs(n, rng);
  const y = Float64Array.from(headOf(family, trueSigma).sample(outputs(x, tw, tb), rng).data);
  const byLoss = fitByLoss(family, x, y);
  const byLikelihood = maximiseLikelihood(family, x, y);
  // σ̂² = mean squared residual, the Gaussian MLE of the variance (used only by the Gaussian).
  const sigma = Math.sqrt(
    x.reduce((s, v, i) => s + (y[i]! - (byLoss.w * v + byLoss.b)) ** 2, 0) / n,
  );
  const xNew = uniformInputs(n, rng);
  // θ* found, so y_new ~ p(y | f(x_new)) from the fitted network and its head (σ̂ for the Gaussian).
  const net = linearNet(family);
  net.params.W1.data[0] = byLoss.w;
  net.params.b1.data[0] = byLoss.b;
  const fitted = headOf(family, sigma);
  const yNew = Float64Array.from(
    fitted.sample(net.predict(fromArray(xNew, [xNew.length, 1])), rng).data,
  );
  const curveX = Array.from(
    { length: 121 },
    (_, i) => X_RANGE[0] + ((X_RANGE[1] - X_RANGE[0]) * i) / 120,
  );
  const curve = Array.from(fitted.predict(net.predict(fromArray(curveX, [curveX.length, 1]))).data);
  // Bernoulli outcomes are 0/1: a little vertical jitter keeps overlapping dots apart.
  const jitter = (values: Float64Array) =>
    family.name === 'Bernoulli' ? Array.from(values, (v) => v + 0.08 * (rng.next() - 0.5)) : values;
  const series: ScatterSeries[] = [
    { name: 'data y', x, y: jitter(y), color: SERIES_COLORS[0] },
    { name: 'samples y_new', x: xNew, y: jitter(yNew), color: SERIES_COLORS[1], opacity: 0.5 },
    { name: 'fitted E[y | x]', x: curveX, y: curve, mark: 'line', color: SERIES_COLORS[3] },
  ];
  if (family.name === 'Gaussian') {
    for (const k of [2, -2]) {
      const name = `μ ${k > 0 ? '+' : '−'} 2σ̂`;
      series.push({
        name,
        x: curveX,
        y: curve.map((m) => m + k * sigma),
        mark: 'line',
        color: SERIES_COLORS[3],
        strokeDash: [6, 4],
      });
    }
  }
  // Profile along w (b at its optimum): the loss and −log-likelihood / N, each scaled to [0, 1].
  const ws = Array.from({ length: 81 }, (_, i) => byLoss.w - 1 + i / 40);
  const losses = ws.map((w) => meanLoss(family, x, y, w, byLoss.b));
  const nll = ws.map((w) => -meanLogLikelihood(family, x, y, w, byLoss.b, sigma));
  // −log L / N = a·loss + c exactly: a = 1/2σ̂² for the Gaussian, 1 otherwise.
  // a from one end and the middle (the profile is nearly symmetric, so the two ends alone would give 0/0).
  const a = (nll[0]! - nll[40]!) / (losses[0]! - losses[40]!);
  const c = nll[0]! - a * losses[0]!;
  const affineResidual = Math.max(...ws.map((_, i) => Math.abs(nll[i]! - (a * losses[i]! + c))));
  const argmin = (v: number[]) => v.indexOf(Math.min(...v));
  return {
    family,
    figure: {
      name: family.name.toLowerCase(),
      caption: `${family.name} model, ${family.lossName}: ${n} seeded points with true (w, b) = (${tw}, ${tb}); the fitted E[y | x] and ${n} new samples y_new drawn from p(y | f(x_new)) at fresh x. The network output is the ${family.output} of the distribution.`,
      spec: scatterChart(series, {
        title: `${family.name} likelihood: ${family.lossName} fit and samples`,
        xLabel: 'x',
        yLabel: 'y',
      }),
    } satisfies ExperimentFigure,
    profile: { ws: ws.map((w) => w - byLoss.w), losses: unitRange(losses), nll: unitRange(nll) },
    numbers: {
      lossFunction: family.lossName,
      trueWB: [tw, tb],
      fitByLoss: [byLoss.w, byLoss.b],
      gradientDescentSteps: byLoss.steps,
      fitByLikelihood: [byLikelihood.w, byLikelihood.b],
      newtonSteps: byLikelihood.steps,
      maxParameterDifference: Math.max(
        Math.abs(byLoss.w - byLikelihood.w),
        Math.abs(byLoss.b - byLikelihood.b),
      ),
      sigmaHat: family.name === 'Gaussian' ? sigma : null,
      lossAtOptimum: meanLoss(family, x, y, byLoss.w, byLoss.b),
      meanLogLikelihoodAtOptimum: meanLogLikelihood(family, x, y, byLoss.w, byLoss.b, sigma),
      nllPerSampleEqualsAffineLoss: { a, c, maxResidual: affineResidual },
      profileArgminLoss: argmin(losses),
      profileArgminNll: argmin(nll),
      meanYData: y.reduce((s, v) => s + v, 0) / n,
      meanYSamples: yNew.reduce((s, v) => s + v, 0) / n,
    } satisfies Record<string, JsonValue>,
  };
}

/**
 * max-likelihood: Gaussian regression (MSELoss), a Bernoulli classifier (BCEWithLogitsLoss) and
 * a Poisson regression (PoissonNLLLoss) of z = w·x + b on seeded synthetic data, each the
 * smallest network (one Affine layer) ending in its likelihood head's loss: the fitted
 * distributions with samples y_new ~ p(y | f(x_new)) drawn by the head, and the check that the
 * loss minimiser (gradient descent with backpropagation) equals the likelihood maximiser
 * (Newton's method on log p written from the density).
 * Book: ch04 §4.2 read as maximum likelihood (docs/math.md §3).
 * @example maxLikelihoodExperiment.run({ size: 'tiny', seed: 0 }).numbers.Gaussian
 */
export const maxLikelihoodExperiment: Experiment = {
  name: 'max-likelihood',
  title: 'Losses as negative log-likelihoods',
  claim:
    'Minimising MSE, binary cross-entropy or Poisson NLL is maximum likelihood under a Gaussian, Bernoulli or Poisson p(y | f(x)): the loss minimiser equals the likelihood maximiser, and the fitted model is a distribution one can sample y_new from (ch04 §4.2).',
  book: 'ch04 §4.2',
  note: {
    source: 'note 000, 최대 가능도(Maximum Likelihood) 관점',
    quote:
      '네트워크 출력값이 주어졌을 때, y가 나올 확률이 최대가 되는 가중치를 찾는 방법입니다.\n…\n주어진 조건에서 y의 확률분포가 연속형(가우시안)일 경우: MSE → regression 문제에서 사용\n주어진 조건에서 y의 확률분포가 이산형(베르누이)일 경우: CEE → classification 문제에서 사용',
  },
  needsMnist: false,
  run(context: ExperimentContext): ExperimentResult {
    const n = bySize(context.size, { tiny: 100, fast: 300, full: 3000 });
    const runs = LIKELIHOOD_FAMILIES.map((f, k) => runFamily(f, n, context.seed * 31 + k));
    const profileSeries: LineSeries[] = runs.flatMap((r, k) => [
      {
        name: `${r.family.name}: ${r.family.lossName}`,
        x: r.profile.ws,
        y: r.profile.losses,
        color: SERIES_COLORS[k],
      },
      {
        name: `${r.family.name}: −log L / N`,
        x: r.profile.ws,
        y: r.profile.nll,
        color: '#222',
        strokeDash: [4, 6],
      },
    ]);
    const numbers: Record<string, JsonValue> = { samples: n };
    for (const r of runs) numbers[r.family.name] = r.numbers;
    return {
      figures: [
        ...runs.map((r) => r.figure),
        {
          name: 'loss-vs-likelihood',
          caption:
            'Each loss (coloured) and the negative log-likelihood per sample (black dashed) as w moves away from the fit (b fixed), each scaled to [0, 1]: the pairs coincide, because −log L / N = a·loss + c with a > 0 (a = 1 for BCE and Poisson NLL, a = 1/2σ̂² for MSE; c is the dropped log y! or ½log 2πσ̂²). So the loss minimiser is the likelihood maximiser.',
          spec: lineChart(profileSeries, {
            title: 'Loss and −log-likelihood along w, scaled to [0, 1]',
            xLabel: 'w − ŵ',
            yLabel: '(value − min) / (max − min)',
            legend: 'right',
          }),
        },
      ],
      key: runs.map((r) => ({
        label: `${r.family.name} (${r.family.lossName}): (w, b) by loss vs by likelihood`,
        value: `(${r.numbers.fitByLoss.map((v) => v.toFixed(4)).join(', ')}) vs (${r.numbers.fitByLikelihood.map((v) => v.toFixed(4)).join(', ')}), max difference ${r.numbers.maxParameterDifference.toExponential(1)}; true (${r.numbers.trueWB.join(', ')})`,
      })),
      numbers,
    };
  },
};
