/**
 * The PyTorch rows of `npm run bench`: bench/reference/torch_train.py (nn.Sequential,
 * CrossEntropyLoss, SGD) run by Debian's /usr/bin/python3, on one thread and on torch's default
 * threads. PyTorch is a reference only, never a dependency.
 */
import { spawnSync } from 'node:child_process';
import type { BenchRow } from './bench-report.js';
import { spawnJson } from './bench-children.js';

const PYTHON = '/usr/bin/python3';

/** What torch_train.py prints. */
interface TorchResult {
  readonly iterations: number;
  readonly evaluations: number;
  readonly total_seconds: number;
  readonly eval_seconds: number;
  readonly peak_rss_mb: number;
  readonly threads: number;
}

/**
 * The torch version, or the one-line note saying why the PyTorch rows are skipped.
 * @example torchVersion(); // { version: '1.13.0a0' }
 */
export function torchVersion(): { version: string } | { skip: string } {
  const r = spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], {
    encoding: 'utf8',
  });
  return r.status === 0
    ? { version: r.stdout.trim() }
    : {
        skip: `PyTorch rows skipped: ${PYTHON} cannot import torch (apt-get install python3-torch libopenblas0-pthread)`,
      };
}

/**
 * One run of torch_train.py as a row: `threads` 1, or 0 for torch's default; null past the limit.
 * @example torchRow(1, 10_000, true)?.id; // 'torch-1'
 */
export function torchRow(
  threads: number,
  iterations: number,
  evaluate: boolean,
  timeoutSeconds?: number,
): BenchRow | null {
  const args = ['bench/reference/torch_train.py', '--iters', String(iterations)];
  args.push('--threads', String(threads));
  if (!evaluate) args.push('--no-eval');
  const what = `torch_train.py ${evaluate ? 'with' : 'without'} evaluations, ${threads === 0 ? 'default' : threads} thread(s)`;
  const r = spawnJson<TorchResult>(PYTHON, args, what, timeoutSeconds);
  if (r === null) return null;
  return {
    id: threads === 1 ? 'torch-1' : 'torch-default',
    label: `PyTorch nn.Sequential float32, ${threads === 1 ? '1 thread' : `default threads (${r.threads})`}`,
    evaluations: evaluate,
    iterationsRun: r.iterations,
    evaluationsRun: r.evaluations,
    evaluationsStandard: 17,
    stepSeconds: r.total_seconds - r.eval_seconds,
    evalSeconds: r.eval_seconds,
    peakRssMb: r.peak_rss_mb,
  };
}
