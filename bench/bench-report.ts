/**
 * The table and the targets of `npm run bench` (see checkTargets), from measurements: pure, so that a
 * test can format fake numbers. bench/run.ts does the measuring.
 *
 * Every row is one implementation of the standard experiment (784-50-10, batch 100, lr 0.1,
 * 10,000 iterations) with or without its evaluations. A row measured on fewer iterations or
 * evaluations is extrapolated: total = 10,000 × (step seconds / iterations run) +
 * (evaluations in the standard run) × (evaluation seconds / evaluations run), marked "est.".
 */

/** Iterations of the standard experiment. */
export const STANDARD_ITERATIONS = 10_000;

/**
 * Dense FLOPs of one training step of 784-50-10 at batch 100, as gradlab computes it:
 * forward x·W1 and h·W2, backward dW2 = hᵀ·dy, dh = dy·W2ᵀ, dW1 = xᵀ·dh (the first layer's dx
 * is not needed): 2·B·(784·50 + 50·10) + 2·B·(50·10 + 10·50 + 784·50) = 15.98 MFLOP. The
 * same count for every row, so GFLOP/s compares times (the book's loop computes more: dx and a
 * second forward pass; zero pixels that a kernel skips still count).
 */
export const STEP_FLOPS = 2 * 100 * (784 * 50 + 50 * 10) + 2 * 100 * (50 * 10 + 10 * 50 + 784 * 50);

/** Which implementation a row measured. */
export type RowId =
  | 'wasm'
  | 'js'
  | 'numpy-book'
  | 'numpy-f32'
  | 'tfjs-wasm'
  | 'tfjs-cpu'
  | 'torch-1'
  | 'torch-default';

/** One measured run (or one half of a run, for the reference scripts that time both). */
export interface BenchRow {
  readonly id: RowId;
  readonly label: string;
  /** With the standard run's evaluations (train + test accuracy every 600 iterations). */
  readonly evaluations: boolean;
  readonly iterationsRun: number;
  /** Evaluation passes measured (0 in a row without evaluations). */
  readonly evaluationsRun: number;
  /** Evaluation passes this implementation makes in the standard run (gradlab 18, the others 17). */
  readonly evaluationsStandard: number;
  /** Seconds of the training steps alone. */
  readonly stepSeconds: number;
  /** Seconds of the evaluation passes measured. */
  readonly evalSeconds: number;
  /** Peak resident set of the process, MB. */
  readonly peakRssMb: number;
}

/** A row's figures for the standard run. */
export interface RowFigures {
  readonly totalSeconds: number;
  readonly msPerIteration: number;
  readonly stepGflops: number;
  /** True when the total is extrapolated from a shorter run. */
  readonly estimated: boolean;
}

/**
 * The standard run's total, time per iteration and GFLOP/s of a row (see the file comment).
 * @example figuresOf(row).totalSeconds; // e.g. 6.1
 */
export function figuresOf(row: BenchRow): RowFigures {
  const secondsPerIteration = row.stepSeconds / row.iterationsRun;
  const passes = row.evaluations ? row.evaluationsStandard : 0;
  const perPass = row.evaluationsRun > 0 ? row.evalSeconds / row.evaluationsRun : 0;
  return {
    totalSeconds: STANDARD_ITERATIONS * secondsPerIteration + passes * perPass,
    msPerIteration: secondsPerIteration * 1000,
    stepGflops: STEP_FLOPS / secondsPerIteration / 1e9,
    estimated:
      row.iterationsRun !== STANDARD_ITERATIONS ||
      (row.evaluations && row.evaluationsRun !== row.evaluationsStandard),
  };
}

/**
 * The row of `id` with or without evaluations, if measured.
 * @example findRow(rows, 'numpy-book', true)?.label;
 */
export function findRow(
  rows: readonly BenchRow[],
  id: RowId,
  evaluations: boolean,
): BenchRow | undefined {
  return rows.find((r) => r.id === id && r.evaluations === evaluations);
}

function ratio(a: number | undefined, b: number | undefined): string {
  return a === undefined || b === undefined ? '–' : `${(a / b).toFixed(2)}×`;
}

/**
 * The Markdown table: one line per row, with this row's total ÷ the book-style NumPy total
 * (same evaluation mode) and its time per iteration ÷ the all-float32 NumPy loop's.
 * @example
 * formatBenchTable(rows); // '| implementation | evaluations | …'
 */
export function formatBenchTable(rows: readonly BenchRow[]): string {
  const lines = [
    '| implementation | evaluations | iterations run | total s (10,000 it.) | ms / iteration | step GFLOP/s | peak RSS MB | total ÷ NumPy book | ms/it ÷ NumPy f32 |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const f = figuresOf(row);
    const book = findRow(rows, 'numpy-book', row.evaluations);
    const f32 = findRow(rows, 'numpy-f32', row.evaluations);
    const evals = row.evaluations
      ? `${row.evaluationsStandard}${row.evaluationsRun !== row.evaluationsStandard ? ` (${row.evaluationsRun} timed)` : ''}`
      : 'none';
    lines.push(
      `| ${row.label} | ${evals} | ${row.iterationsRun.toLocaleString('en-US')} | ` +
        `${f.totalSeconds.toFixed(2)}${f.estimated ? ' est.' : ''} | ${f.msPerIteration.toFixed(3)} | ` +
        `${f.stepGflops.toFixed(1)} | ${row.peakRssMb.toFixed(0)} | ` +
        `${ratio(f.totalSeconds, book && figuresOf(book).totalSeconds)} | ` +
        `${ratio(f.msPerIteration, f32 && figuresOf(f32).msPerIteration)} |`,
    );
  }
  return lines.join('\n');
}
