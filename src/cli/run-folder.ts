import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { accuracyChart } from '../plot/accuracy-chart.js';
import { lossChart } from '../plot/loss-chart.js';
import { removeStaleTempFiles, writeFileAtomic } from '../platform/node/atomic-write.js';
import { CheckpointError, encodeCheckpoint } from '../train/checkpoint.js';
import { metricsCsv, metricsJson, type MetricsFile } from '../train/metrics-file.js';
import { encodeModel } from '../train/model-file.js';
import { captureTrainState } from '../train/train-state.js';
import type { TrainingRun } from '../train/training-run.js';
import { UsageError } from './cli-error.js';

/** The checkpoint's file name inside a run folder. */
export const CHECKPOINT_FILE = 'checkpoint.safetensors';
/** The model's file name inside a run folder. */
export const MODEL_FILE = 'model.safetensors';

/**
 * The run folder: `out` when given, else runs/<name>, where the default name is the start time
 * in UTC (e.g. runs/20250101-120000), with -2, -3 … appended when that folder exists already.
 * @example
 * chooseRunDir(undefined, undefined, new Date('2025-01-01T12:00:00Z')); // → 'runs/20250101-120000'
 */
export function chooseRunDir(
  out: string | undefined,
  name: string | undefined,
  now = new Date(),
): string {
  if (out !== undefined) return out;
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const base = join('runs', name ?? stamp);
  let dir = base;
  for (let k = 2; name === undefined && existsSync(dir); k++) dir = `${base}-${k}`;
  return dir;
}

/** What is at `path`: nothing, a folder, or something else (a file, a device). */
function kindOf(path: string): 'none' | 'folder' | 'other' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'other';
  } catch {
    return 'none';
  }
}

/**
 * Throws a UsageError (exit 2) when the run folder a new run asked for (--out, or runs/<--name>)
 * exists as something other than a folder; checked before the data is loaded.
 * @example
 * checkRunDirPath('runs/notes.txt'); // UsageError: run folder runs/notes.txt is a file; … (not run: needs the file)
 */
export function checkRunDirPath(dir: string): void {
  if (kindOf(dir) === 'other')
    throw new UsageError(
      `run folder ${dir} is a file; expected a folder (created when missing): choose another --out or --name`,
    );
}

/**
 * Creates the run folder (with its parents) and removes the temporary files a killed run left
 * in it. A folder that cannot be created is a UsageError naming it and the reason (exit 2).
 */
export function openRunDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    throw new UsageError(
      `cannot create the run folder ${dir} (${typeof code === 'string' ? code : (e as Error).message}); choose another --out or --name`,
    );
  }
  removeStaleTempFiles(dir);
}

/**
 * The checkpoint file of the run folder given to --resume; a CheckpointError (exit 1) when the
 * folder is missing, is a file, or holds no checkpoint.
 * @example
 * resumeCheckpointPath('runs/a'); // 'runs/a/checkpoint.safetensors' (not run: needs a run folder)
 */
export function resumeCheckpointPath(dir: string): string {
  const expected = 'expected the folder of a run started by gradlab train';
  const kind = kindOf(dir);
  if (kind === 'none') throw new CheckpointError(dir, `no such folder; ${expected}`);
  if (kind === 'other') throw new CheckpointError(dir, `this is a file; ${expected}`);
  const path = join(dir, CHECKPOINT_FILE);
  if (!existsSync(path)) {
    throw new CheckpointError(
      dir,
      `no ${CHECKPOINT_FILE} in this folder; ${expected} (it writes one at every epoch)`,
    );
  }
  return path;
}

/**
 * Writes the checkpoint (atomically: a crash leaves the previous one whole); `extra` are
 * metadata strings kept with it (where the data came from, so --resume loads the same rows).
 */
export function writeCheckpoint(
  dir: string,
  run: TrainingRun,
  extra: Readonly<Record<string, string>> = {},
): void {
  writeFileAtomic(
    join(dir, CHECKPOINT_FILE),
    encodeCheckpoint(captureTrainState(run), run.network.config, extra),
  );
}

/**
 * Writes metrics.json, metrics.csv, model.safetensors and (when `charts`) loss.svg/png and
 * accuracy.svg/png. Every file is written atomically. A diverged run gets no model file: its
 * parameters are NaN or blown up, and the last epoch's checkpoint keeps the good ones.
 * `modelMeta` are extra metadata strings for the model file (features, scaling, class names).
 * A run on value targets gets no accuracy chart (it measures losses).
 */
export async function writeRunOutputs(
  dir: string,
  run: TrainingRun,
  charts: boolean,
  metrics: MetricsFile,
  modelMeta: Readonly<Record<string, string>> = {},
): Promise<void> {
  writeFileAtomic(join(dir, 'metrics.json'), metricsJson(metrics));
  writeFileAtomic(join(dir, 'metrics.csv'), metricsCsv(run.history));
  if (metrics.status !== 'diverged')
    writeFileAtomic(join(dir, MODEL_FILE), encodeModel(run.network, modelMeta));
  if (!charts) return;
  // Vega is a large import: load it only when a run has charts to write, so that errors,
  // --help, eval and predict start quickly.
  const { writeChart } = await import('../platform/node/render-chart.js');
  const loss = run.history.loss;
  const iterations = Float64Array.from({ length: loss.length }, (_, i) => i + 1);
  const epochs = run.history.epochs;
  const measured = epochs.filter((e) => e.trainLoss !== undefined && e.testLoss !== undefined);
  const evaluations =
    measured.length > 0
      ? {
          iteration: measured.map((e) => e.iteration),
          train: measured.map((e) => e.trainLoss!),
          test: measured.map((e) => e.testLoss!),
        }
      : undefined;
  await writeChart(lossChart(iterations, loss, { evaluations }), join(dir, 'loss'));
  if (run.data.train.target.kind !== 'class') return;
  await writeChart(
    accuracyChart(
      epochs.map((e) => e.epoch),
      epochs.map((e) => e.trainAccuracy ?? 0),
      epochs.map((e) => e.testAccuracy ?? 0),
    ),
    join(dir, 'accuracy'),
  );
}
