/**
 * gradlab's speed targets (listed at checkTargets), checked against ratios measured in the same `npm run bench` run.
 * A target whose peer was not measured (no python3 with NumPy, a skipped reference) is n/a.
 */
import { figuresOf, findRow, type BenchRow } from './bench-report.js';

/** One numerical-gradient measurement (bench/numerical-gradient.ts), or why there is none. */
export interface NumericalGradientFigures {
  /** Seconds of gradlab's numerical gradient of TwoLayerNet on a batch of 100. */
  readonly gradlabSeconds: number;
  /** Seconds of the book-style NumPy loop, or null when it could not run. */
  readonly numpySeconds: number | null;
  /** max |gradlab − the float64 plain loop| over the parameters compared. */
  readonly maxAbsDiff: number;
}

/** A target's verdict. */
export interface TargetResult {
  readonly target: string;
  readonly status: 'PASS' | 'MISS' | 'n/a';
  /** What was measured, or why nothing was. */
  readonly detail: string;
}

function verdict(target: string, ok: boolean | null, detail: string): TargetResult {
  return { target, status: ok === null ? 'n/a' : ok ? 'PASS' : 'MISS', detail };
}

/**
 * Checks the targets:
 * 1. the standard experiment with evaluations ≤ 0.4 × the book-style NumPy time;
 * 2. the same ≥ 5 × faster than TensorFlow.js on its WASM backend;
 * 3. the training step ≤ 1.5 × the all-float32 NumPy loop (one thread);
 * 4. one numerical gradient ≥ 100 × faster than the book's NumPy loop and within 1e-9 of the
 *    float64 reference;
 * 5. `gradlab train --grad numerical` ≥ 0.90 in < 10 min: not measured by the bench (n/a).
 * @example
 * checkTargets(rows, 'skipped (--quick)').map((t) => t.status); // ['PASS', 'PASS', 'MISS', 'n/a', 'n/a']
 */
export function checkTargets(
  rows: readonly BenchRow[],
  numerical: NumericalGradientFigures | string,
): TargetResult[] {
  const figures = (id: BenchRow['id'], evaluations: boolean) => {
    const row = findRow(rows, id, evaluations);
    return row === undefined ? undefined : figuresOf(row);
  };
  /** gradlab's figure vs a peer's: PASS when gradlab ÷ peer ≤ `limit`. */
  const versus = (
    target: string,
    peer: string,
    ours: number | undefined,
    theirs: number | undefined,
    limit: number,
    unit: (x: number) => string,
  ): TargetResult =>
    ours === undefined || theirs === undefined
      ? verdict(target, null, `${peer} not measured`)
      : verdict(
          target,
          ours <= limit * theirs,
          `gradlab wasm ${unit(ours)} / ${peer} ${unit(theirs)} = ${(ours / theirs).toFixed(3)}×`,
        );
  const s = (x: number) => `${x.toFixed(2)} s`;
  const wasm = figures('wasm', true)?.totalSeconds;
  const tfjs = figures('tfjs-wasm', true);
  const results = [
    versus(
      'standard experiment with evaluations ≤ 0.4 × book-style NumPy',
      'book-style NumPy',
      wasm,
      figures('numpy-book', true)?.totalSeconds,
      0.4,
      s,
    ),
    // "≥ 5 × faster" is gradlab ÷ TensorFlow.js ≤ 1/5.
    versus(
      'standard experiment with evaluations ≥ 5 × faster than TensorFlow.js (WASM)',
      `TensorFlow.js${tfjs?.estimated === true ? ' (est.)' : ''}`,
      wasm,
      tfjs?.totalSeconds,
      1 / 5,
      s,
    ),
    versus(
      'training step ≤ 1.5 × all-float32 NumPy (one thread)',
      'float32 NumPy',
      figures('wasm', false)?.msPerIteration,
      figures('numpy-f32', false)?.msPerIteration,
      1.5,
      (x) => `${x.toFixed(3)} ms`,
    ),
  ];
  const t4 = 'numerical gradient ≥ 100 × faster than book-style NumPy, within 1e-9 of float64';
  if (typeof numerical === 'string') results.push(verdict(t4, null, numerical));
  else if (numerical.numpySeconds === null) {
    results.push(verdict(t4, null, 'book-style NumPy numerical gradient not measured'));
  } else {
    const speedup = numerical.numpySeconds / numerical.gradlabSeconds;
    results.push(
      verdict(
        t4,
        speedup >= 100 && numerical.maxAbsDiff <= 1e-9,
        `NumPy ${s(numerical.numpySeconds)} / gradlab ${numerical.gradlabSeconds.toFixed(3)} s = ${speedup.toFixed(0)}×, ` +
          `max |Δ| ${numerical.maxAbsDiff.toExponential(1)}`,
      ),
    );
  }
  results.push(
    verdict(
      'gradlab train --grad numerical ≥ 0.90 test accuracy in < 10 min',
      null,
      'not run by the bench (minutes); run it with the CLI',
    ),
  );
  return results;
}

/**
 * The verdicts as lines, e.g. `PASS  standard experiment … (gradlab wasm 7.10 s / NumPy …)`.
 * @example formatTargets(checkTargets(rows, 'skipped')).split('\n').length; // 5
 */
export function formatTargets(results: readonly TargetResult[]): string {
  return results.map((r) => `${r.status.padEnd(4)}  ${r.target} (${r.detail})`).join('\n');
}
