import type { ImageDataset } from '../data/dataset.js';
import { LossAdapter } from '../layers/loss-adapter.js';
import { CrossEntropyLoss } from '../losses/cross-entropy-loss.js';
import { TwoLayerNet } from '../models/two-layer-net.js';
import { numericalGradient } from '../numerical/numerical-gradient.js';
import { lineChart } from '../plot/line-chart.js';
import { clone, fromArray, rand } from '../tensor/creation.js';
import { argmaxRows } from '../tensor/ops/reduce.js';
import { softmaxRows } from '../tensor/ops/softmax-rows.js';
import { createRng } from '../tensor/rng.js';
import type { Tensor } from '../tensor/tensor.js';
import {
  bySize,
  requireMnist,
  type Experiment,
  type ExperimentContext,
  type ExperimentResult,
} from './experiment.js';
import { firstSamples, recordTraining } from './mnist-runs.js';

/** The smallest normal float64 (2⁻¹⁰²²) and float32 (2⁻¹²⁶). */
const MIN_NORMAL_64 = 2 ** -1022;
const MIN_NORMAL_32 = 2 ** -126;

/** The first N at which pᴺ, multiplied out one factor at a time, falls below `floor`. */
export function underflowCount(p: number, floor: number, round: (v: number) => number): number {
  let product = 1;
  for (let n = 1; ; n++) {
    product = round(product * p);
    if (product < floor) return n;
  }
}

/** Images n0 … n0 + count − 1 as float64 rows of pixels ÷ 255. */
function imageRows(ds: ImageDataset, n0: number, count: number): Tensor {
  const size = ds.rows * ds.cols;
  const data = new Float64Array(count * size);
  for (let i = 0; i < data.length; i++) data[i] = ds.images[n0 * size + i]! / 255;
  return fromArray(data, [count, size]);
}

/** max |a − b| over two gradient records with the same keys. */
function maxGradDiff(a: Record<string, Tensor>, b: Record<string, Float64Array>): number {
  let m = 0;
  for (const [k, t] of Object.entries(a)) {
    for (let i = 0; i < t.size; i++) m = Math.max(m, Math.abs(t.data[i]! - b[k]![i]!));
  }
  return m;
}

/**
 * backprop-assumptions: the two assumptions behind backpropagation of a summed loss, and why
 * the log. (a) The batch loss is a sum (or mean) of per-sample losses, each a function of the
 * final output only: with reduction 'sum' the batch gradient equals the sum of the per-sample
 * gradients, with 'mean' their mean (< 1e-12 in float64). (b) The likelihood of i.i.d. samples is
 * a product ∏ p(tᵢ | xᵢ), which underflows below the smallest normal float over a training set,
 * while Σ log p stays finite: at a constant p = 0.9 the product leaves the normal range at
 * N = 6724 in float64 and N = 829 in float32. (c) A batch-level loss such as 1 − accuracy is
 * not a sum of per-sample smooth terms: its numerical gradient is zero almost everywhere.
 * Book: SoftmaxWithLoss and the mean over the batch, ch04 §4.2.3, ch05 §5.6.3.
 * @example underflowCount(0.9, 2 ** -1022, (v) => v); // → 6724
 */
export const backpropAssumptionsExperiment: Experiment = {
  name: 'backprop-assumptions',
  title: 'What backpropagation assumes, and why the log',
  claim:
    'Backpropagation of a batch loss relies on the loss being a sum of per-sample losses, each depending on the final output only: then the batch gradient is exactly the sum (or mean) of per-sample gradients. Writing the likelihood of i.i.d. samples as a product underflows (below 2.2e-308 over 10,000 images), so training minimises the sum of −log p instead (ch04 §4.2.3).',
  book: 'ch04 §4.2.3, ch05 §5.6.3',
  note: {
    source: 'note 000, 오차역전파법(Backpropagation) 관점',
    quote:
      '가정1: Total loss of DNN over training samples is the sum of loss for each training sample\n가정2: Loss for each training example is a function of final output of DNN\n… i.i.d 조건하에 곱으로 표현되는 것을 log를 사용하여 합으로 표현하는 방법으로 바꿔 오차역전파의 가정을 만족시킵니다.',
  },
  needsMnist: true,
  run(context: ExperimentContext): ExperimentResult {
    const mnist = requireMnist(context, 'backprop-assumptions');
    const rng = createRng(context.seed);

    // (a) Per-sample gradients against the batch gradient, float64, on random inputs.
    const N = bySize(context.size, { tiny: 20, fast: 100, full: 100 });
    const x = rand([N, 784], rng);
    const t = Int32Array.from({ length: N }, () => rng.int(10));
    const net = (reduction: 'sum' | 'mean') =>
      new TwoLayerNet(784, 50, 10, {
        rng: createRng(context.seed + 1),
        weightInitStd: 0.1,
        lastLayer: new LossAdapter(new CrossEntropyLoss({ reduction })),
      });
    const sumNet = net('sum');
    const meanNet = net('mean');
    const grads = (g: Record<string, Tensor>) =>
      Object.fromEntries(Object.entries(g).map(([k, v]) => [k, clone(v)]));
    const batchSum = grads(sumNet.gradient(x, t).grads);
    const batchMean = grads(meanNet.gradient(x, t).grads);
    const total: Record<string, Float64Array> = Object.fromEntries(
      Object.entries(batchSum).map(([k, v]) => [k, new Float64Array(v.size)]),
    );
    for (let n = 0; n < N; n++) {
      const xn = fromArray(x.data.slice(n * 784, (n + 1) * 784), [1, 784]);
      const g = sumNet.gradient(xn, t.subarray(n, n + 1)).grads;
      for (const [k, v] of Object.entries(g)) {
        for (let i = 0; i < v.size; i++) total[k]![i]! += v.data[i]!;
      }
    }
    const sumDifference = maxGradDiff(batchSum, total);
    const meanOfSamples = Object.fromEntries(
      Object.entries(total).map(([k, v]) => [k, v.map((e) => e / N)]),
    );
    const meanDifference = maxGradDiff(batchMean, meanOfSamples);

    // (b) The product of p(tᵢ | xᵢ) of a trained net over the first training images.
    const count = bySize(context.size, { tiny: 2000, fast: 10_000, full: 10_000 });
    const iterations = bySize(context.size, { tiny: 200, fast: 1000, full: 2000 });
    const train = firstSamples(mnist.train, count);
    const trained = recordTraining(
      { iterations, seed: context.seed, dtype: 'float64' },
      { train, test: firstSamples(mnist.test, 1000) },
      { every: iterations, progress: context.progress, label: 'backprop-assumptions' },
    ).run.network;
    let product = 1;
    let logSum = 0;
    let firstSubnormal = -1;
    let firstZero = -1;
    let correct = 0;
    const productTrace: number[] = [];
    const logTrace: number[] = [];
    const chunk = 500;
    for (let n0 = 0; n0 < count; n0 += chunk) {
      const rows = Math.min(chunk, count - n0);
      const probs = softmaxRows(trained.predict(imageRows(train, n0, rows)));
      const guess = argmaxRows(probs);
      for (let i = 0; i < rows; i++) {
        const label = train.labels[n0 + i]!;
        const p = probs.data[i * 10 + label]!;
        if (guess[i] === label) correct++;
        product *= p;
        logSum += Math.log(p);
        if (firstSubnormal < 0 && product < MIN_NORMAL_64) firstSubnormal = n0 + i + 1;
        if (firstZero < 0 && product === 0) firstZero = n0 + i + 1;
        productTrace.push(Math.log10(Math.max(product, Number.MIN_VALUE)));
        logTrace.push(logSum / Math.LN10);
      }
    }
    const at09 = {
      float64: underflowCount(0.9, MIN_NORMAL_64, (v) => v),
      float32: underflowCount(0.9, MIN_NORMAL_32, Math.fround),
    };

    // (c) 1 − accuracy as a loss: its numerical gradient with respect to b2.
    const small = net('mean');
    const accuracyLoss = (): number => 1 - small.accuracy(x, t);
    const b2 = small.params.b2!;
    const g = numericalGradient(accuracyLoss, b2);
    let nonzero = 0;
    for (let i = 0; i < g.size; i++) if (g.data[i] !== 0) nonzero++;

    const stride = Math.max(1, Math.floor(count / 500));
    const idx = productTrace.map((_, i) => i + 1).filter((_, i) => i % stride === 0);
    return {
      figures: [
        {
          name: 'underflow',
          caption: `log10 of the running product ∏ p(tᵢ | xᵢ) of a trained net (training accuracy ${(correct / count).toFixed(3)}) over the first ${count} training images, multiplied in float64: it leaves the normal range (below 2.2e-308) at image ${firstSubnormal > 0 ? firstSubnormal : 'never'} and ${firstZero > 0 ? `is exactly 0 from image ${firstZero} on` : 'ends among the subnormals'} (drawn at the floor 5e-324), while Σ log10 p goes on as a finite line (${(logSum / Math.LN10).toFixed(1)} at the end).`,
          spec: lineChart(
            [
              { name: 'log10 ∏ p (float64)', x: idx, y: idx.map((i) => productTrace[i - 1]!) },
              { name: 'Σ log10 p', x: idx, y: idx.map((i) => logTrace[i - 1]!) },
            ],
            {
              title: 'The likelihood as a product underflows; as a sum of logs it does not',
              xLabel: 'images multiplied',
              yLabel: 'log10',
              legend: 'bottom-left',
            },
          ),
        },
      ],
      key: [
        { label: "reduction 'sum': max |batch gradient − Σ per-sample|", value: sumDifference },
        {
          label: "reduction 'mean': max |batch gradient − mean per-sample|",
          value: meanDifference,
        },
        { label: `product of p(t|x) over ${count} images`, value: product },
        { label: 'first image where the product is below 2.2e-308', value: firstSubnormal },
        { label: 'Σ log p over them', value: logSum },
        {
          label: 'p = 0.9: N leaving the normal range, float64 / float32',
          value: `${at09.float64} / ${at09.float32}`,
        },
        { label: '1 − accuracy: nonzero numerical ∂/∂b2 entries (of 10)', value: nonzero },
      ],
      numbers: {
        batch: N,
        sumDifference,
        meanDifference,
        images: count,
        trainIterations: iterations,
        trainAccuracy: correct / count,
        product,
        firstSubnormal,
        firstZero,
        logSum,
        minNormal64: MIN_NORMAL_64,
        underflowAtP09: at09,
        accuracyLossNonzeroGradients: nonzero,
      },
    };
  },
};
