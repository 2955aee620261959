/**
 * The child processes of `npm run bench`: one run of gradlab (bench/standard-run.ts), of a NumPy
 * script or of the TensorFlow.js script, each turned into table rows. Each child prints one JSON
 * object on its last line of output.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { figuresOf, type BenchRow } from './bench-report.js';
import type { StandardRunResult } from './standard-run.js';

/** The repository root (children run there). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a child to completion and parses the JSON object on its last stdout line. */
function spawnJson<T>(command: string, args: readonly string[], what: string): T {
  process.stderr.write(`bench: ${what}…\n`);
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
  const last = r.stdout?.trim().split('\n').at(-1);
  if (r.error !== undefined || r.status !== 0 || last === undefined) {
    const why = r.error?.message ?? r.stderr?.trim().split('\n').slice(-3).join(' / ');
    throw new Error(`bench: ${what} failed (${command} ${args.join(' ')}): ${why}`);
  }
  return JSON.parse(last) as T;
}

function tsx(script: string, args: readonly string[], what: string): unknown {
  return spawnJson(process.execPath, ['--import', 'tsx', script, ...args], what);
}

/**
 * One gradlab run of the standard experiment (float32, seed 0) on `backend` as a row.
 * @example gradlabRow('wasm', 10_000, true).evaluationsRun; // 18
 */
export function gradlabRow(
  backend: 'wasm' | 'js',
  iterations: number,
  evaluate: boolean,
): BenchRow {
  const args = ['--backend', backend, '--iters', String(iterations)];
  const what = `gradlab ${backend} ${evaluate ? 'with' : 'without'} evaluations, ${iterations} iterations`;
  const r = tsx(
    'bench/standard-run.ts',
    evaluate ? args : [...args, '--no-eval'],
    what,
  ) as StandardRunResult;
  return {
    id: backend,
    label: `gradlab ${backend} float32`,
    evaluations: evaluate,
    iterationsRun: r.iterations,
    evaluationsRun: r.evaluations,
    // 17 epoch events (iterations 0, 600, …, 9600) and the final accuracy at 10,000.
    evaluationsStandard: 18,
    stepSeconds: r.totalSeconds - r.evalSeconds,
    evalSeconds: r.evalSeconds,
    peakRssMb: r.peakRssMb,
  };
}

/** What the NumPy scripts print. */
interface NumpyResult {
  readonly iterations: number;
  readonly evaluations: number;
  readonly total_seconds: number;
  readonly eval_seconds: number;
  readonly peak_rss_mb: number;
  readonly threads: string;
}

/**
 * One run of bench/reference/book_train.py ('book') or numpy_f32_train.py ('f32') as a row.
 * @example numpyRow('f32', 10_000, false).id; // 'numpy-f32'
 */
export function numpyRow(script: 'book' | 'f32', iterations: number, evaluate: boolean): BenchRow {
  const file = script === 'book' ? 'book_train.py' : 'numpy_f32_train.py';
  const args = [`bench/reference/${file}`, '--iters', String(iterations)];
  if (!evaluate) args.push('--no-eval');
  const r = spawnJson<NumpyResult>(
    'python3',
    args,
    `${file} ${evaluate ? 'with' : 'without'} evaluations`,
  );
  return {
    id: script === 'book' ? 'numpy-book' : 'numpy-f32',
    label:
      script === 'book'
        ? `NumPy book-style, float64 weights (OpenBLAS threads: ${r.threads})`
        : `NumPy float32, ${r.threads} thread`,
    evaluations: evaluate,
    iterationsRun: r.iterations,
    evaluationsRun: r.evaluations,
    evaluationsStandard: 17,
    stepSeconds: r.total_seconds - r.eval_seconds,
    evalSeconds: r.eval_seconds,
    peakRssMb: r.peak_rss_mb,
  };
}

/** What bench/reference/tfjs-train.ts prints. */
interface TfjsResult {
  readonly backend: string;
  readonly version: string;
  readonly threads: number;
  readonly iterations: number;
  readonly msPerIteration: number;
  readonly evalSeconds: number | null;
  readonly peakRssMb: number;
}

/**
 * The TensorFlow.js rows of one run of bench/reference/tfjs-train.ts: without evaluations, and
 * with them when the script timed an evaluation pass.
 * @example tfjsRows('wasm', 300, true).length; // 2
 */
export function tfjsRows(
  backend: 'wasm' | 'cpu',
  iterations: number,
  evaluate: boolean,
): BenchRow[] {
  const args = ['--backend', backend, '--iters', String(iterations)];
  const r = tsx(
    'bench/reference/tfjs-train.ts',
    evaluate ? args : [...args, '--no-eval'],
    `TensorFlow.js ${backend}, ${iterations} iterations`,
  ) as TfjsResult;
  const base = {
    id: backend === 'wasm' ? 'tfjs-wasm' : 'tfjs-cpu',
    label: `TensorFlow.js ${r.version} ${backend} (threads: ${r.threads})`,
    iterationsRun: r.iterations,
    evaluationsStandard: 17,
    stepSeconds: (r.msPerIteration * r.iterations) / 1000,
    peakRssMb: r.peakRssMb,
  } as const;
  const rows: BenchRow[] = [{ ...base, evaluations: false, evaluationsRun: 0, evalSeconds: 0 }];
  if (r.evalSeconds !== null) {
    rows.unshift({ ...base, evaluations: true, evaluationsRun: 1, evalSeconds: r.evalSeconds });
  }
  return rows;
}

/**
 * The NumPy version, or null when python3 or NumPy is missing.
 * @example numpyVersion(); // '2.4.6'
 */
export function numpyVersion(): string | null {
  const r = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], {
    encoding: 'utf8',
  });
  return r.status === 0 ? r.stdout.trim() : null;
}

/**
 * The fastest of `repeat` runs of `measure` (by the standard run's total).
 * @example fastest(3, () => gradlabRow('wasm', 10_000, false));
 */
export function fastest(repeat: number, measure: () => BenchRow): BenchRow {
  let best = measure();
  for (let r = 1; r < repeat; r++) {
    const next = measure();
    if (figuresOf(next).totalSeconds < figuresOf(best).totalSeconds) best = next;
  }
  return best;
}
