/**
 * The standard experiment's network trained by TensorFlow.js, as a reference for `npm run bench`:
 * 784-50-10 with ReLU, weights N(0, 0.01²), biases 0, float32, batch 100 drawn with replacement
 * from the same MNIST files, SGD lr 0.1 through tf.train.sgd().minimize (TensorFlow.js's own
 * gradients), softmax cross-entropy on one-hot labels, the loss read back every iteration as a
 * progress display would. It runs a few hundred iterations after a warm-up and times one
 * accuracy pass over the 70,000 train + test images (chunks of 10,000), which the bench
 * extrapolates to the 10,000-iteration run with 17 evaluations.
 *
 * Usage: tsx bench/reference/tfjs-train.ts [--backend wasm|cpu] [--iters N] [--warmup N] [--no-eval]
 * Prints one JSON object. The native Node backend (tfjs-node) is not used: it downloads a binary
 * when installed.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import type { ImageDataset } from '../../src/data/dataset.js';
import { loadDataset } from '../../src/platform/node/datasets.js';
import { createRng, type Rng } from '../../src/tensor/rng.js';

const BATCH = 100;
const HIDDEN = 50;
const CLASSES = 10;

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at > 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}

/** A batch of BATCH images drawn with replacement, as float32 in [0, 1], and their labels. */
function drawBatch(ds: ImageDataset, rng: Rng, x: Float32Array, t: Int32Array): void {
  const size = ds.rows * ds.cols;
  for (let i = 0; i < BATCH; i++) {
    const k = rng.int(ds.count);
    t[i] = ds.labels[k];
    for (let j = 0; j < size; j++) x[i * size + j] = ds.images[k * size + j] / 255;
  }
}

/** scores = relu(x·W1 + b1)·W2 + b2 . */
function scoresOf(x: tf.Tensor2D, params: readonly tf.Variable[]): tf.Tensor2D {
  const [W1, b1, W2, b2] = params;
  return tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, W1), b1)), W2), b2);
}

/** The number of correctly classified images of `ds`, predicted in chunks of 10,000 rows. */
function correct(ds: ImageDataset, params: readonly tf.Variable[]): number {
  const size = ds.rows * ds.cols;
  let hits = 0;
  for (let start = 0; start < ds.count; start += 10_000) {
    const n = Math.min(10_000, ds.count - start);
    const pixels = new Float32Array(n * size);
    for (let i = 0; i < pixels.length; i++) pixels[i] = ds.images[start * size + i] / 255;
    const predicted = tf.tidy(() => tf.argMax(scoresOf(tf.tensor2d(pixels, [n, size]), params), 1));
    const p = predicted.dataSync();
    predicted.dispose();
    for (let i = 0; i < n; i++) if (p[i] === ds.labels[start + i]) hits++;
  }
  return hits;
}

const backend = option('--backend', 'wasm');
if (backend !== 'wasm' && backend !== 'cpu') {
  throw new Error(`tfjs-train: --backend must be wasm or cpu, got ${backend}`);
}
const iterations = Number(option('--iters', backend === 'wasm' ? '300' : '40'));
const warmup = Number(option('--warmup', '20'));
await tf.setBackend(backend);
await tf.ready();
const { train, test } = loadDataset('mnist');
const size = train.rows * train.cols;
const params = [
  tf.variable(tf.randomNormal([size, HIDDEN], 0, 0.01, 'float32', 1)),
  tf.variable(tf.zeros([HIDDEN])),
  tf.variable(tf.randomNormal([HIDDEN, CLASSES], 0, 0.01, 'float32', 2)),
  tf.variable(tf.zeros([CLASSES])),
];
const optimizer = tf.train.sgd(0.1);
const rng = createRng(0);
const x = new Float32Array(BATCH * size);
const t = new Int32Array(BATCH);

/** One SGD step; returns the batch loss. */
function step(): number {
  drawBatch(train, rng, x, t);
  const loss = tf.tidy((): tf.Scalar => {
    const xb = tf.tensor2d(x, [BATCH, size]);
    const onehot = tf.oneHot(tf.tensor1d(t, 'int32'), CLASSES);
    const cost = optimizer.minimize(
      () => tf.losses.softmaxCrossEntropy(onehot, scoresOf(xb, params)),
      true,
    );
    return cost ?? tf.scalar(NaN);
  });
  const value = loss.dataSync()[0];
  loss.dispose();
  return value;
}

for (let i = 0; i < warmup; i++) step();
let loss = NaN;
const start = performance.now();
for (let i = 0; i < iterations; i++) loss = step();
const msPerIteration = (performance.now() - start) / iterations;
let evalSeconds: number | null = null;
let testAccuracy: number | null = null;
if (!process.argv.includes('--no-eval')) {
  const t0 = performance.now();
  correct(train, params);
  testAccuracy = correct(test, params) / test.count;
  evalSeconds = (performance.now() - t0) / 1000;
}
console.log(
  JSON.stringify({
    script: 'tfjs-train.ts',
    backend,
    version: tf.version_core,
    threads: backend === 'wasm' ? getThreadsCount() : 1,
    iterations,
    msPerIteration,
    evalSeconds,
    finalLoss: loss,
    testAccuracy,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    tensorsLeft: tf.memory().numTensors,
  }),
);
