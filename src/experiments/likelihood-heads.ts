import { HEADS } from '../heads/heads.js';
import type { Head, HeadName } from '../heads/head.js';
import { SERIES_COLORS } from '../plot/palette.js';
import { scatterChart } from '../plot/scatter-chart.js';
import { sideBySide } from '../plot/side-by-side.js';
import { fromArray } from '../tensor/creation.js';
import { createRng, type Rng } from '../tensor/rng.js';
import type { Tensor } from '../tensor/tensor.js';
import {
  bySize,
  type Experiment,
  type ExperimentContext,
  type ExperimentFigure,
  type ExperimentResult,
  type JsonValue,
} from './experiment.js';
import { fitHead, tensorsOf, type HeadData } from './fit-head.js';

const X_RANGE = [-2, 2] as const;
const wave = (x: number): number => Math.sin(1.5 * x);

/** Each head's true output z(x) (what a perfect network would output) and the true scale. */
const TRUTH: Record<HeadName, { size: number; output: (x: number) => number[]; scale?: number }> = {
  categorical: { size: 3, output: (x) => [2 * x, 0, -2 * x] },
  bernoulli: { size: 1, output: (x) => [3 * wave(x)] },
  gaussian: { size: 1, output: (x) => [wave(x)], scale: 0.3 },
  'gaussian-variance': {
    size: 1,
    output: (x) => [wave(x), Math.log(Math.expm1((0.1 + 0.2 * Math.abs(x)) ** 2))],
  },
  laplace: { size: 1, output: (x) => [wave(x)], scale: 0.25 },
  poisson: { size: 1, output: (x) => [1 + 0.8 * wave(x)] },
};

/** Data drawn from the head's own distribution at the true outputs. */
function headData(name: HeadName, n: number, rng: Rng): HeadData {
  const truth = TRUTH[name];
  const head = truth.scale === undefined ? HEADS[name] : HEADS[name].withScale!(truth.scale);
  const x = Float64Array.from(
    { length: n },
    () => X_RANGE[0] + (X_RANGE[1] - X_RANGE[0]) * rng.next(),
  );
  const out = Array.from(x, truth.output);
  const y = head.sample(fromArray(out.flat(), [n, out[0].length]), rng).data;
  return { x, inputSize: 1, y: Float64Array.from(y), size: truth.size };
}

function moments(v: ArrayLike<number>): { mean: number; variance: number } {
  const a = Array.from(v);
  const mean = a.reduce((s, e) => s + e, 0) / a.length;
  return { mean, variance: a.reduce((s, e) => s + (e - mean) ** 2, 0) / (a.length - 1) };
}

function frequencies(v: ArrayLike<number>, classes: number): number[] {
  const f = new Array<number>(classes).fill(0);
  for (let i = 0; i < v.length; i++) f[v[i]] += 1 / v.length;
  return f;
}

/** Trains one head on its own data and compares samples from the net with held-out data. */
function runHead(name: HeadName, n: number, steps: number, seed: number) {
  const rng = createRng(seed);
  const train = headData(name, n, rng);
  const test = headData(name, 2000, rng);
  const { net, losses } = fitHead(HEADS[name], train, {
    hiddenSizes: [32],
    steps,
    batchSize: 64,
    learningRate: 0.01,
    seed: seed + 1,
  });
  let head: Head = HEADS[name];
  const trainSet = tensorsOf(head, train);
  if (head.fitScale !== undefined)
    head = head.withScale!(head.fitScale(net.predict(trainSet.x), trainSet.t));
  const testSet = tensorsOf(head, test);
  const out: Tensor = net.predict(testSet.x);
  const samples = Float64Array.from(head.sample(out, createRng(seed + 2)).data);
  const metrics = head.metrics(out, testSet.t);
  const data = moments(test.y);
  const drawn = moments(samples);
  const classes = head.targetKind === 'class' ? test.size : 0;
  // Classes and 0/1 outcomes overlap on their values: a little vertical jitter keeps dots apart.
  const jitter = (v: Float64Array) =>
    classes > 0 || name === 'bernoulli' ? Array.from(v, (e) => e + 0.3 * (rng.next() - 0.5)) : v;
  const all = [...test.y, ...samples];
  const yDomain = [Math.min(...all) - 0.3, Math.max(...all) + 0.3] as const;
  const panel = (title: string, y: Float64Array, color: string) =>
    scatterChart([{ name: title, x: test.x, y: jitter(y), color, size: 10, opacity: 0.45 }], {
      title,
      xLabel: 'x',
      yLabel: classes > 0 ? 'class' : 'y',
      yDomain,
      width: 340,
      height: 260,
      legend: 'none',
    });
  return {
    figure: {
      name,
      caption: `${name} head (${head.description}): left, ${test.x.length} held-out points drawn from the true ${name} distribution; right, one sample y ~ p(y | f(x)) per x from the trained network. Mean ${data.mean.toFixed(3)} vs ${drawn.mean.toFixed(3)}, variance ${data.variance.toFixed(3)} vs ${drawn.variance.toFixed(3)}.`,
      spec: sideBySide(
        `${name} head: data beside samples from the trained network`,
        panel('held-out data', test.y, SERIES_COLORS[0]),
        panel('samples from the net', samples, SERIES_COLORS[1]),
      ),
    } satisfies ExperimentFigure,
    numbers: {
      dataMean: data.mean,
      sampleMean: drawn.mean,
      dataVariance: data.variance,
      sampleVariance: drawn.variance,
      ...(classes > 0
        ? {
            dataFrequencies: frequencies(test.y, classes),
            sampleFrequencies: frequencies(samples, classes),
          }
        : {}),
      ...(head.scale === undefined
        ? {}
        : { fittedScale: head.scale, trueScale: TRUTH[name].scale ?? null }),
      heldOutMetrics: metrics,
      finalTrainLoss: losses.slice(-50).reduce((s, e) => s + e, 0) / Math.min(50, losses.length),
    } satisfies Record<string, JsonValue>,
  };
}

/**
 * likelihood-heads: the same small network (1 → 32 tanh → head) trained with each head on data
 * drawn from that head's own distribution; samples from the trained network match held-out data
 * in mean and variance (class frequencies for categorical).
 * Book: ch04 §4.2 read as maximum likelihood: once θ* is found, y_new ~ p(y | f_θ*(x_new)) (docs/math.md §3).
 * @example likelihoodHeadsExperiment.run({ size: 'tiny', seed: 0 }).numbers.poisson; // not run: trains six networks (about 14 s; test/experiments/likelihood-heads.test.ts runs it)
 */
export const likelihoodHeadsExperiment: Experiment = {
  name: 'likelihood-heads',
  title: 'Same network, different likelihoods',
  claim:
    'The same network trained with the negative log-likelihood of a categorical, Bernoulli, Gaussian, learned-variance Gaussian, Laplace or Poisson distribution becomes that distribution, and its samples look like new data (ch04 §4.2 read as maximum likelihood: the output is the parameter of p(y | f(x)), and θ* lets one sample y_new).',
  book: 'ch04 §4.2',
  note: {
    source: 'note 002, 확률 분포의 파라미터를 찾는 관점',
    quote:
      '따라서, 이 관점을 사용할 때에는 $P(y|f_{\\theta}(x))$ 이 어떤 분포를 따를지도 미리 정해야 한다. 즉, 출력값 == 확률분포의 파라미터\n…\n$y_{new} \\sim P(y|f_{\\theta^*}(x_{new}))$',
  },
  needsMnist: false,
  run(context: ExperimentContext): ExperimentResult {
    const n = bySize(context.size, { tiny: 600, fast: 2000, full: 5000 });
    const steps = bySize(context.size, { tiny: 1200, fast: 3000, full: 8000 });
    const names = Object.keys(TRUTH) as HeadName[];
    const runs = names.map((name, k) => ({
      name,
      ...runHead(name, n, steps, context.seed * 97 + 7 * k),
    }));
    const numbers: Record<string, JsonValue> = { trainPoints: n, heldOutPoints: 2000, steps };
    for (const r of runs) numbers[r.name] = r.numbers;
    return {
      figures: runs.map((r) => r.figure),
      key: runs.map((r) => ({
        label: `${r.name}: held-out data vs samples (mean, variance)`,
        value: `(${r.numbers.dataMean.toFixed(3)}, ${r.numbers.dataVariance.toFixed(3)}) vs (${r.numbers.sampleMean.toFixed(3)}, ${r.numbers.sampleVariance.toFixed(3)})`,
      })),
      numbers,
    };
  },
};
