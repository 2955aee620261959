/**
 * The child processes of `npm run bench`: one run of gradlab (bench/standard-run.ts) or of the
 * TensorFlow.js script, each turned into table rows (the NumPy scripts: numpy-rows.ts). Each
 * child prints one JSON object on its last line of output.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { figuresOf, type BenchRow } from './bench-report.js';
import type { StandardRunResult } from './standard-run.js';

/** The repository root (children run there). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Runs a child to completion and parses the JSON object on its last stdout line; null when it
 * ran past `timeoutSeconds` (it is killed). Any other failure throws.
 * @example spawnJson<{ iterations: number }>('python3', ['bench/reference/numpy_f32_train.py'], 'NumPy', 60);
 */
export function spawnJson<T>(
  command: string,
  args: readonly string[],
  what: string,
  timeoutSeconds?: number,
): T | null {
  process.stderr.write(`bench: ${what}…\n`);
  const timeout = timeoutSeconds === undefined ? undefined : Math.ceil(timeoutSeconds * 1000);
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24, timeout });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') {
    process.stderr.write(`bench: ${what} stopped after ${timeoutSeconds} s\n`);
    return null;
  }
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
