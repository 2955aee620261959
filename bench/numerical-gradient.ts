/**
 * Numerical-gradient benchmark (target 4 of bench/bench-targets.ts): seconds for one full central-difference gradient of
 * TwoLayerNet 784-50-10 (all 39,760 parameters, h = 1e-4, float64) on a batch of 100 MNIST
 * training images, for
 *   - gradlab's structured sweep (TwoLayerNet.numericalGradient: each perturbed loss recomputed
 *     only where the perturbation reaches), the first call and the best of the next ones;
 *   - gradlab's plain loop (numericalGradients: two full forward passes per parameter, the book's
 *     algorithm) on the WASM backend: timed on the 560 parameters of b1, W2 and b2 and
 *     extrapolated to 39,760 (each parameter costs the same two forward passes), or in full with --full;
 *   - the book-style NumPy loop, `python3 bench/reference/book_train.py --numerical-gradient`,
 *     spawned in the same run (skipped when python3 with NumPy is missing).
 * It also prints max |structured − plain| over the parameters the plain loop computed.
 *
 * Usage: tsx bench/numerical-gradient.ts [--repeat R] [--full] [--no-numpy] [--threads N]
 *   R: timed calls of the structured sweep after the first (default 10);
 *   N: OpenBLAS threads of the NumPy run (default 1: on this 2-core machine, shared with other work,
 *   two threads measured 118 s against 22 s for one; 0 leaves OpenBLAS as configured).
 */
import { spawnSync } from 'node:child_process';
import { setBackend } from '../src/backend/registry.js';
import { createWasmBackend } from '../src/backend/wasm/wasm-backend.js';
import { fillImageBatch, fillLabelBatch } from '../src/data/dataset.js';
import { numericalGradients } from '../src/models/network-helpers.js';
import type { Params } from '../src/models/network.js';
import { TwoLayerNet } from '../src/models/two-layer-net.js';
import { loadDataset } from '../src/platform/node/datasets.js';
import { createRng } from '../src/tensor/rng.js';
import { zeros } from '../src/tensor/creation.js';

/** Parameters of 784-50-10. */
export const PARAMETER_COUNT = 784 * 50 + 50 + 50 * 10 + 10;

/** What one run measured. */
export interface NumericalGradientBench {
  /** Seconds of the first structured call (JIT warm-up included). */
  readonly fastFirstSeconds: number;
  /** Best seconds of the structured calls after the first. */
  readonly fastSeconds: number;
  /** Seconds of the plain loop for all parameters (measured or extrapolated). */
  readonly plainSeconds: number;
  /** Parameters the plain loop actually computed (560 or 39,760). */
  readonly plainMeasured: number;
  /** max |structured − plain| over those parameters. */
  readonly maxAbsDiff: number;
  /** Seconds of the NumPy loop, or null when it could not run. */
  readonly numpySeconds: number | null;
  /** Why the NumPy row is missing, when it is. */
  readonly numpyNote: string | null;
  /** OpenBLAS threads of the NumPy run (0: as configured). */
  readonly numpyThreads: number;
}

/** Options of benchNumericalGradient. */
export interface NumericalGradientBenchOptions {
  readonly repeat?: number;
  readonly full?: boolean;
  readonly numpy?: boolean;
  readonly threads?: number;
}

function seconds(f: () => void): number {
  const t0 = performance.now();
  f();
  return (performance.now() - t0) / 1000;
}

function runNumpy(threads: number): { seconds: number | null; note: string | null } {
  const args = ['bench/reference/book_train.py', '--numerical-gradient'];
  if (threads > 0) args.push('--threads', String(threads));
  const r = spawnSync('python3', args, { encoding: 'utf8' });
  if (r.error !== undefined || r.status !== 0) {
    return {
      seconds: null,
      note: `python3 ${args.join(' ')} failed: ${r.error?.message ?? r.stderr.trim().split('\n').at(-1)}`,
    };
  }
  const json = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as {
    numerical_gradient_seconds?: number;
  };
  return { seconds: json.numerical_gradient_seconds ?? null, note: null };
}

/** Runs the three measurements (the NumPy one last, so that it does not share the CPU). */
export async function benchNumericalGradient(
  options: NumericalGradientBenchOptions = {},
): Promise<NumericalGradientBench> {
  const { repeat = 10, full = false, numpy = true } = options;
  setBackend(await createWasmBackend());
  const { train } = loadDataset('mnist');
  const rng = createRng(0);
  const indices = Int32Array.from({ length: 100 }, () => rng.int(train.count));
  const x = zeros([100, 784], { dtype: 'float64' });
  fillImageBatch(train, indices, 100, x.data);
  const t = fillLabelBatch(train, indices, 100, new Int32Array(100));
  const net = new TwoLayerNet(784, 50, 10, { dtype: 'float64', rng: createRng(0) });

  let fast: Params = {};
  const fastFirstSeconds = seconds(() => (fast = net.numericalGradient(x, t)));
  let fastSeconds = Infinity;
  for (let r = 0; r < repeat; r++) {
    fastSeconds = Math.min(
      fastSeconds,
      seconds(() => (fast = net.numericalGradient(x, t))),
    );
  }
  const keys = full ? ['W1', 'b1', 'W2', 'b2'] : ['b1', 'W2', 'b2'];
  const subset = Object.fromEntries(keys.map((k) => [k, net.params[k]]));
  const plainMeasured = keys.reduce((n, k) => n + net.params[k].size, 0);
  let plain: Params = {};
  const measured = seconds(() => (plain = numericalGradients(() => net.loss(x, t, true), subset)));
  let maxAbsDiff = 0;
  for (const k of keys) {
    const a = fast[k].data;
    const b = plain[k].data;
    for (let i = 0; i < a.length; i++) maxAbsDiff = Math.max(maxAbsDiff, Math.abs(a[i] - b[i]));
  }
  const threads = options.threads ?? 1;
  const np = numpy ? runNumpy(threads) : { seconds: null, note: 'skipped (--no-numpy)' };
  return {
    fastFirstSeconds,
    fastSeconds,
    plainSeconds: (measured * PARAMETER_COUNT) / plainMeasured,
    plainMeasured,
    maxAbsDiff,
    numpySeconds: np.seconds,
    numpyNote: np.note,
    numpyThreads: threads,
  };
}

/** The measurements as a Markdown table with the ratios to the NumPy loop. */
export function formatNumericalGradientTable(b: NumericalGradientBench): string {
  const vsNumpy = (s: number) =>
    b.numpySeconds === null
      ? '–'
      : `${(b.numpySeconds / s).toFixed(b.numpySeconds / s < 10 ? 2 : 0)}×`;
  const plainHow =
    b.plainMeasured === PARAMETER_COUNT
      ? 'all 39,760 parameters'
      : `timed on ${b.plainMeasured} parameters (b1, W2, b2), extrapolated`;
  const lines = [
    '| one numerical gradient, 784-50-10, batch 100, float64 | seconds | NumPy / this |',
    '| --- | ---: | ---: |',
    `| gradlab structured sweep (best of the calls after the first) | ${b.fastSeconds.toFixed(3)} | ${vsNumpy(b.fastSeconds)} |`,
    `| gradlab structured sweep, first call | ${b.fastFirstSeconds.toFixed(3)} | ${vsNumpy(b.fastFirstSeconds)} |`,
    `| gradlab plain loop, wasm (${plainHow}) | ${b.plainSeconds.toFixed(1)} | ${vsNumpy(b.plainSeconds)} |`,
    b.numpySeconds === null
      ? `| book-style NumPy loop | – (${b.numpyNote}) | – |`
      : `| book-style NumPy loop (bench/reference/book_train.py, ${b.numpyThreads === 0 ? 'OpenBLAS threads as configured' : `${b.numpyThreads} OpenBLAS thread${b.numpyThreads === 1 ? '' : 's'}`}) | ${b.numpySeconds.toFixed(1)} | 1× |`,
  ];
  return `${lines.join('\n')}\n\nmax |structured − plain| over the ${b.plainMeasured} parameters the plain loop computed: ${b.maxAbsDiff.toExponential(2)}`;
}

if (process.argv[1]?.endsWith('numerical-gradient.ts')) {
  const argv = process.argv;
  const value = (name: string): number | undefined =>
    argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : undefined;
  const result = await benchNumericalGradient({
    repeat: value('--repeat'),
    full: argv.includes('--full'),
    numpy: !argv.includes('--no-numpy'),
    threads: value('--threads'),
  });
  console.log(formatNumericalGradientTable(result));
}
