/**
 * The performance goals (standard experiment vs PyTorch and float32 NumPy, the training step,
 * the evaluation pass, fixed costs), checked against figures of the same `npm run bench` run.
 */
import { figuresOf, findRow, type BenchRow } from './bench-report.js';
import type { TargetResult } from './bench-targets.js';
import type { SparseFigures } from './sparse-bench.js';

const verdict = (target: string, ok: boolean | null, detail: string): TargetResult => ({
  target,
  status: ok === null ? 'n/a' : ok ? 'PASS' : 'MISS',
  detail,
});

/**
 * PASS/MISS per goal; a goal whose peer was not measured is n/a.
 * @example checkPerfTargets(rows, figures).length; // 8
 */
export function checkPerfTargets(rows: readonly BenchRow[], f: SparseFigures): TargetResult[] {
  const total = (id: BenchRow['id']) => {
    const row = findRow(rows, id, true);
    return row === undefined ? undefined : figuresOf(row).totalSeconds;
  };
  const wasm = total('wasm');
  const ratio = (target: string, peer: string, theirs: number | undefined, limit: number) =>
    wasm === undefined || theirs === undefined
      ? verdict(target, null, `${peer} not measured`)
      : verdict(
          target,
          wasm <= limit * theirs,
          `gradlab ${wasm.toFixed(2)} s / ${peer} ${theirs.toFixed(2)} s = ${(wasm / theirs).toFixed(3)}×`,
        );
  const stepRow = findRow(rows, 'wasm', false);
  const numpyStep = findRow(rows, 'numpy-f32', false);
  const step = stepRow && figuresOf(stepRow).msPerIteration;
  const npStep = numpyStep && figuresOf(numpyStep).msPerIteration;
  const rss = findRow(rows, 'wasm', true)?.peakRssMb;
  return [
    ratio(
      'standard experiment with evaluations ≤ 0.4 × PyTorch (1 thread)',
      'PyTorch',
      total('torch-1'),
      0.4,
    ),
    ratio(
      'standard experiment with evaluations ≤ 0.5 × float32 NumPy (1 thread)',
      'NumPy',
      total('numpy-f32'),
      0.5,
    ),
    step === undefined || npStep === undefined
      ? verdict('training step ≤ 0.7 × float32 NumPy', null, 'not measured')
      : verdict(
          'training step ≤ 0.7 × float32 NumPy',
          step <= 0.7 * npStep,
          `${step.toFixed(3)} ms / ${npStep.toFixed(3)} ms = ${(step / npStep).toFixed(3)}×`,
        ),
    verdict(
      'evaluation pass over 70,000 images ≥ 2 × faster than the dense path',
      f.evalDenseSeconds >= 2 * f.evalSparseSeconds,
      `dense ${(f.evalDenseSeconds * 1e3).toFixed(0)} ms / sparse ${(f.evalSparseSeconds * 1e3).toFixed(0)} ms = ${(f.evalDenseSeconds / f.evalSparseSeconds).toFixed(2)}×`,
    ),
    verdict('gradlab --help < 0.3 s', f.helpSeconds < 0.3, `${f.helpSeconds.toFixed(3)} s`),
    verdict('the two run charts < 0.3 s', f.chartsSeconds < 0.3, `${f.chartsSeconds.toFixed(3)} s`),
    rss === undefined
      ? verdict('peak RSS of a training run ≤ 200 MB', null, 'not measured')
      : verdict(
          'peak RSS of a training run ≤ 200 MB',
          rss <= 200,
          `${rss.toFixed(0)} MB (the standard run with evaluations)`,
        ),
  ];
}
