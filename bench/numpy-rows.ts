/**
 * The NumPy rows of `npm run bench`: bench/reference/book_train.py and numpy_f32_train.py run as
 * child processes (python3 with NumPy is a reference only, never a dependency).
 */
import { spawnSync } from 'node:child_process';
import { figuresOf, type BenchRow } from './bench-report.js';
import { spawnJson } from './bench-children.js';

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
 * One run of bench/reference/book_train.py ('book') or numpy_f32_train.py ('f32') as a row, with
 * OpenBLAS on `threads` threads (default: the script's), or null past `timeoutSeconds`.
 * @example numpyRow('f32', 10_000, false)?.id; // 'numpy-f32'
 */
export function numpyRow(
  script: 'book' | 'f32',
  iterations: number,
  evaluate: boolean,
  threads?: number,
  timeoutSeconds?: number,
): BenchRow | null {
  const file = script === 'book' ? 'book_train.py' : 'numpy_f32_train.py';
  const args = [`bench/reference/${file}`, '--iters', String(iterations)];
  if (!evaluate) args.push('--no-eval');
  if (threads !== undefined) args.push('--threads', String(threads));
  const what = `${file} ${evaluate ? 'with' : 'without'} evaluations${threads === undefined ? '' : `, ${threads} thread(s)`}`;
  const r = spawnJson<NumpyResult>('python3', args, what, timeoutSeconds);
  if (r === null) return null;
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

/**
 * The all-float32 NumPy row (one thread, the script's default).
 * @example f32Row(10_000, false).label; // 'NumPy float32, 1 thread'
 */
export function f32Row(iterations: number, evaluate: boolean): BenchRow {
  const row = numpyRow('f32', iterations, evaluate);
  if (row === null) throw new Error('bench: numpy_f32_train.py stopped without a time limit');
  return row;
}

/**
 * The book-style NumPy row: the faster of OpenBLAS on one thread and on its default threads.
 * Multi-threaded OpenBLAS spins while it waits for its other thread, so on a 2-core machine
 * doing other work it can run 20× slower than on one thread; the default-threads run is
 * stopped at 2 × the one-thread time (+10 s), and the label says what the other run took.
 * @example bookRow(10_000, true).label; // 'NumPy book-style, … (OpenBLAS threads: default; 1 thread: 14.1 s)'
 */
export function bookRow(iterations: number, evaluate: boolean): BenchRow {
  const one = numpyRow('book', iterations, evaluate, 1);
  if (one === null) throw new Error('bench: book_train.py stopped without a time limit');
  const oneTotal = figuresOf(one).totalSeconds;
  const limit = 2 * oneTotal + 10;
  const configured = numpyRow('book', iterations, evaluate, undefined, limit);
  if (configured === null) {
    return {
      ...one,
      label: `${one.label.slice(0, -1)}; default threads: stopped after ${limit.toFixed(0)} s)`,
    };
  }
  const configuredTotal = figuresOf(configured).totalSeconds;
  return configuredTotal <= oneTotal
    ? {
        ...configured,
        label: `${configured.label.slice(0, -1)}; 1 thread: ${oneTotal.toFixed(1)} s)`,
      }
    : {
        ...one,
        label: `${one.label.slice(0, -1)}; default threads: ${configuredTotal.toFixed(1)} s)`,
      };
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
