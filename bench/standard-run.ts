/**
 * One run of the standard experiment (TwoLayerNet 784-50-10 on MNIST, batch 100 drawn with
 * replacement, SGD lr 0.1, float32, seed 0) in this process, timed, printed as one JSON object.
 * `npm run bench` spawns it once per backend and mode, so that each row's peak memory is its own
 * process's.
 *
 * With evaluations it drives trainSteps as `gradlab train` does: train and test accuracy at
 * iterations 0, 600, …, 9600 (17 epoch events) and once more at the end (10,000 is no epoch
 * boundary), 18 passes over the 70,000 images. Without, it calls TrainingRun.step alone.
 * Times exclude process start and data loading, as the NumPy scripts' do.
 *
 * Usage: tsx bench/standard-run.ts [--backend wasm|js] [--iters N] [--no-eval] [--dtype D]
 */
import { createHash } from 'node:crypto';
import { createJsBackend } from '../src/backend/js/js-backend.js';
import { setBackend } from '../src/backend/registry.js';
import { createWasmBackend } from '../src/backend/wasm/wasm-backend.js';
import { loadDataset } from '../src/platform/node/datasets.js';
import { prepareTraining } from '../src/train/prepare-training.js';
import { resolveTrainOptions } from '../src/train/train-options.js';
import { trainSteps } from '../src/train/train-steps.js';
import type { TrainingRun } from '../src/train/training-run.js';

/** What one run measured (the JSON line the child prints). */
export interface StandardRunResult {
  readonly backend: string;
  readonly dtype: 'float32' | 'float64';
  readonly iterations: number;
  /** Accuracy passes over train + test (0 without evaluations). */
  readonly evaluations: number;
  /** The training loop, evaluations included. */
  readonly totalSeconds: number;
  readonly evalSeconds: number;
  /** (total − evaluations) / iterations. */
  readonly msPerIteration: number;
  readonly finalLoss: number;
  readonly testAccuracy: number | null;
  /** Peak resident set of the process (process.resourceUsage().maxRSS). */
  readonly peakRssMb: number;
  /** SHA-256 of the final parameters' bytes, W1 b1 W2 b2: same seed, same hash. */
  readonly paramsSha256: string;
}

/** Options of one standard run. */
export interface StandardRunOptions {
  readonly backend: 'wasm' | 'js';
  readonly iterations: number;
  readonly evaluate: boolean;
  readonly dtype: 'float32' | 'float64';
}

/**
 * Trains the standard experiment once with the given backend; see the file comment.
 * @example (await standardRun({ backend: 'wasm', iterations: 10_000, evaluate: false, dtype: 'float32' })).msPerIteration;
 */
export async function standardRun(o: StandardRunOptions): Promise<StandardRunResult> {
  setBackend(o.backend === 'js' ? createJsBackend() : await createWasmBackend());
  const { train, test } = loadDataset('mnist');
  const run = prepareTraining(
    resolveTrainOptions({ iterations: o.iterations, learningRate: 0.1, dtype: o.dtype }),
    { train, test },
  );
  let evalSeconds = 0;
  let evaluations = 0;
  let loss = NaN;
  let testAccuracy: number | null = null;
  const start = performance.now();
  if (o.evaluate) {
    let last = start;
    for (const event of trainSteps(run)) {
      const now = performance.now();
      if (event.type === 'step') loss = event.loss;
      else {
        evalSeconds += (now - last) / 1000;
        evaluations++;
        testAccuracy = event.type === 'end' ? event.final.testAccuracy : event.testAccuracy;
      }
      last = performance.now();
    }
    // The end event re-measures only when the last iteration was no epoch boundary.
    if (run.history.epochs.at(-1)?.iteration === run.iteration) evaluations--;
  } else {
    for (let i = 0; i < o.iterations; i++) loss = run.step();
  }
  const totalSeconds = (performance.now() - start) / 1000;
  return {
    backend: o.backend,
    dtype: o.dtype,
    iterations: o.iterations,
    evaluations,
    totalSeconds,
    evalSeconds,
    msPerIteration: ((totalSeconds - evalSeconds) / o.iterations) * 1000,
    finalLoss: loss,
    testAccuracy,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    paramsSha256: paramsHash(run),
  };
}

function paramsHash(run: TrainingRun): string {
  const hash = createHash('sha256');
  for (const key of ['W1', 'b1', 'W2', 'b2']) {
    const d = run.network.params[key].data;
    hash.update(new Uint8Array(d.buffer, d.byteOffset, d.byteLength));
  }
  return hash.digest('hex');
}

if (process.argv[1]?.endsWith('standard-run.ts')) {
  const argv = process.argv.slice(2);
  const value = (name: string, fallback: string): string => {
    const at = argv.indexOf(name);
    return at >= 0 && at + 1 < argv.length ? argv[at + 1] : fallback;
  };
  const backend = value('--backend', 'wasm');
  const dtype = value('--dtype', 'float32');
  const iterations = Number(value('--iters', '10000'));
  if ((backend !== 'wasm' && backend !== 'js') || (dtype !== 'float32' && dtype !== 'float64')) {
    throw new Error(
      `standard-run: --backend wasm|js and --dtype float32|float64, got ${backend} ${dtype}`,
    );
  }
  if (!Number.isSafeInteger(iterations) || iterations <= 0) {
    throw new Error(
      `standard-run: --iters must be a positive integer, got ${value('--iters', '')}`,
    );
  }
  const result = await standardRun({
    backend,
    dtype,
    iterations,
    evaluate: !argv.includes('--no-eval'),
  });
  console.log(JSON.stringify(result));
}
