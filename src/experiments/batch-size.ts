import { TwoLayerNet } from '../models/two-layer-net.js';
import { lineChart } from '../plot/line-chart.js';
import { rand } from '../tensor/creation.js';
import { createRng } from '../tensor/rng.js';
import {
  bySize,
  requireMnist,
  type BackendRunner,
  type Experiment,
  type ExperimentContext,
  type ExperimentResult,
} from './experiment.js';
import { firstSamples, recordTraining } from './mnist-runs.js';

/** The batch sizes timed. */
const TIMED_BATCHES = [1, 8, 32, 128, 512];

/**
 * Microseconds per sample of one forward and backward pass of 784-50-10 (float32, the CLI's
 * default) at each batch size, on random inputs of MNIST's shape: each size repeated until
 * `budgetMs` have passed, after one warm-up call.
 */
function timePerSample(now: () => number, budgetMs: number, seed: number): number[] {
  const rng = createRng(seed);
  const net = new TwoLayerNet(784, 50, 10, { dtype: 'float32', rng });
  return TIMED_BATCHES.map((batch) => {
    const x = rand([batch, 784], rng, { dtype: 'float32' });
    const t = Int32Array.from({ length: batch }, () => rng.int(10));
    net.gradient(x, t);
    let reps = 0;
    const start = now();
    let elapsed = 0;
    while (elapsed < budgetMs) {
      net.gradient(x, t);
      reps++;
      elapsed = now() - start;
    }
    return (elapsed * 1000) / (reps * batch);
  });
}

/**
 * batch-size: why mini-batches. (1) Time per sample of forward plus backward of 784-50-10 at
 * batch 1 … 512 on each backend: one call for 128 images costs far less than 128 calls for one,
 * since the matrix kernels block and vectorise (SIMD) over the batch and per-call costs are
 * shared: on a CPU, the analogue of the notes' GPU claim. (2) Loss curves at equal samples seen
 * for batch 1, 10, 100 and 1000: small batches are noisier, large ones make fewer updates.
 * Timings are measurements (they vary with the machine); every other number is seeded.
 * Book: mini-batch learning, ch04 §4.2.3; batch processing, ch03 §3.6.3.
 * @example batchSizeExperiment.run({ size: 'tiny', seed: 0, mnist }).numbers.batches // [1, 10, 100, 1000] (not run: needs MNIST)
 */
export const batchSizeExperiment: Experiment = {
  name: 'batch-size',
  title: 'Mini-batches: 128 images cost little more than one',
  claim:
    'Processing a batch of images in one call costs far less per image than one image at a time (here the per-image time of forward plus backward falls many-fold from batch 1 to 128, from SIMD kernels and shared per-call costs on a CPU, the analogue of the notes’ GPU); at equal samples seen, small batches give noisier loss curves and large ones fewer updates (ch04 §4.2.3, ch03 §3.6.3).',
  book: 'ch04 §4.2.3, ch03 §3.6.3',
  note: {
    source: 'note 004, §2.3 미니 배치 (Mini Batch)',
    quote:
      '한 번에 하나의 데이터만 추론/학습하지 않는 이유는, 비효율적이기 때문. GPU는 병렬 처리에 특화되어 있기 때문에, 128장의 이미지를 연산하는 것과 1장의 이미지를 연산하는 것의 속도 차이가 크지 않다!',
  },
  needsMnist: true,
  run(context: ExperimentContext): ExperimentResult {
    const mnist = requireMnist(context, 'batch-size');
    const runners: readonly BackendRunner[] = context.backends ?? [
      { name: 'active', use: (fn) => fn() },
    ];
    const budget = bySize(context.size, { tiny: 20, fast: 250, full: 1000 });
    const timings = context.now
      ? runners.map((r) => ({
          backend: r.name,
          microsecondsPerSample: r.use(() => timePerSample(context.now!, budget, context.seed)),
        }))
      : [];

    const samples = bySize(context.size, { tiny: 2000, fast: 20_000, full: 60_000 });
    const batches = [1, 10, 100, 1000];
    const train = firstSamples(
      mnist.train,
      bySize(context.size, { tiny: 5000, fast: 60_000, full: 60_000 }),
    );
    const test = firstSamples(mnist.test, 1000);
    const curves = batches.map((batchSize) => {
      const iterations = Math.max(1, Math.round(samples / batchSize));
      const r = recordTraining(
        { batchSize, iterations, seed: context.seed, learningRate: 0.1 },
        { train, test },
        { every: iterations, progress: context.progress, label: `batch ${batchSize}` },
      );
      return { batchSize, iterations, loss: r.loss, testAccuracy: r.testAccuracy.at(-1)! };
    });
    // Each curve at the same samples-seen positions, averaged over windows of `samples / 100`.
    const window = samples / 100;
    const smoothed = curves.map((c) => {
      const x: number[] = [];
      const y: number[] = [];
      for (let s = window; s <= samples; s += window) {
        const from = Math.floor((s - window) / c.batchSize);
        const to = Math.max(from + 1, Math.floor(s / c.batchSize));
        const part = c.loss.slice(from, to);
        if (part.length === 0) continue;
        x.push(s);
        y.push(part.reduce((a, b) => a + b, 0) / part.length);
      }
      return { name: `batch ${c.batchSize} (${c.iterations} updates)`, x, y };
    });
    // The noise of a curve: the standard deviation of its per-update losses over the last half.
    const spread = curves.map((c) => {
      const tail = c.loss.slice(Math.floor(c.loss.length / 2));
      const m = tail.reduce((a, b) => a + b, 0) / tail.length;
      return Math.sqrt(tail.reduce((a, b) => a + (b - m) ** 2, 0) / tail.length);
    });
    const speedup = timings.map((t) => t.microsecondsPerSample[0]! / t.microsecondsPerSample[3]!);
    return {
      figures: [
        ...(timings.length > 0
          ? [
              {
                name: 'throughput',
                caption: `Microseconds per image of forward plus backward of 784-50-10 (float32) at each batch size: ${timings
                  .map(
                    (t, i) =>
                      `${t.backend} ${speedup[i]!.toFixed(1)}× less at batch 128 than at batch 1`,
                  )
                  .join(
                    ', ',
                  )}. On this CPU the gain comes from the SIMD matrix kernels and from sharing the per-call costs over the batch, what a GPU's parallel units do for the notes' claim. Measured, so the figures vary with the machine and its load.`,
                spec: lineChart(
                  timings.map((t) => ({
                    name: t.backend,
                    x: TIMED_BATCHES,
                    y: t.microsecondsPerSample,
                  })),
                  {
                    title: 'Time per image against batch size',
                    xLabel: 'batch size',
                    yLabel: 'µs per image (forward + backward)',
                    xScale: 'log',
                    yScale: 'log',
                    points: true,
                    legend: 'top-right',
                  },
                ),
              },
            ]
          : []),
        {
          name: 'noise',
          caption: `Training loss against images seen (${samples}), averaged over windows of ${window} images, at lr 0.1: batch 1 makes ${curves[0]!.iterations} noisy updates, batch 1000 only ${curves[3]!.iterations} smooth ones. Spread of the per-update loss over the second half: ${curves
            .map((c, i) => `batch ${c.batchSize} ${spread[i]!.toFixed(3)}`)
            .join(', ')}.`,
          spec: lineChart(smoothed, {
            title: 'Loss at equal samples seen',
            xLabel: 'training images seen',
            yLabel: 'training loss (window mean)',
            legend: 'top-right',
          }),
        },
      ],
      key: [
        ...timings.map((t, i) => ({
          label: `${t.backend}: per-image time, batch 1 / batch 128`,
          value: `${speedup[i]!.toFixed(1)}×`,
        })),
        ...curves.map((c, i) => ({
          label: `batch ${c.batchSize}: updates, loss spread, test accuracy`,
          value: `${c.iterations}, ${spread[i]!.toFixed(3)}, ${c.testAccuracy.toFixed(3)}`,
        })),
      ],
      numbers: {
        timedBatches: TIMED_BATCHES,
        timings: timings.map((t) => ({ ...t })),
        speedupAt128: speedup,
        samplesSeen: samples,
        batches,
        updates: curves.map((c) => c.iterations),
        lossSpread: spread,
        testAccuracy: curves.map((c) => c.testAccuracy),
      },
    };
  },
};
