import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { readFileBytes } from '../platform/node/read-bytes.js';
import { decodeCheckpoint } from '../train/checkpoint.js';
import { DivergenceError } from '../train/divergence.js';
import type { MetricsFile } from '../train/metrics-file.js';
import { prepareTraining } from '../train/prepare-training.js';
import type { FinalAccuracy } from '../train/train-history.js';
import { resolveTrainOptions, type TrainOptions } from '../train/train-options.js';
import { restoreTrainState } from '../train/train-state.js';
import type { TrainingRun } from '../train/training-run.js';
import { headFor } from '../heads/index.js';
import { useBackend } from './backend-choice.js';
import type { TableMeta } from '../data/table-meta.js';
import { allOutputs } from '../train/all-outputs.js';
import { loadTrainingData, type DataSpec } from './data-source.js';
import { UsageError } from './cli-error.js';
import { createBarReporter, createLineReporter, formatMeasures } from './progress-reporter.js';
import {
  CHECKPOINT_FILE,
  checkRunDirPath,
  chooseRunDir,
  openRunDir,
  resumeCheckpointPath,
  writeCheckpoint,
  writeRunOutputs,
} from './run-folder.js';
import { watchSignals } from './signals.js';
import { addTrainOptions, checkResumeFlags, flagsToInput, type TrainFlags } from './train-flags.js';
import { driveTraining } from './train-driver.js';

/**
 * Registers `gradlab train`: the book's train_neuralnet.py as a command with a progress bar,
 * per-epoch accuracy lines, a run folder, checkpoints and --resume.
 */
export function registerTrainCommand(
  program: Command,
  setExitCode: (code: number) => void,
): Command {
  return addTrainOptions(
    program
      .command('train')
      .description(
        "train a network on MNIST (defaults: the book's train_neuralnet.py, 784-50-10 ReLU, SGD lr 0.1, batch 100, 10,000 iterations)",
      ),
  ).action(async (flags: TrainFlags, command: Command) => {
    setExitCode(await runTrainCommand(flags, command));
  });
}

/** A prepared run, the sizes metrics.json records and the metadata its files keep. */
interface BuiltRun {
  readonly run: TrainingRun;
  readonly dataSize: DataSize;
  readonly spec: DataSpec;
  readonly modelMeta: Readonly<Record<string, string>>;
  /** For tables: 'head gaussian (chosen for a numeric target; --head to change)'. */
  readonly headLine: string | null;
}

/** Where the rows of a checkpoint's run came from (older checkpoints kept the name in options.data). */
function savedSpec(extra: Readonly<Record<string, string>>, optionsJson: string): DataSpec {
  if (extra.source !== undefined) return JSON.parse(extra.source) as DataSpec;
  const old = JSON.parse(optionsJson) as { data?: unknown };
  return { data: typeof old.data === 'string' ? old.data : 'mnist' };
}

/** Reads a run folder's checkpoint and rebuilds the run it describes. */
async function resumeRun(dir: string, flags: TrainFlags, command: Command): Promise<BuiltRun> {
  checkResumeFlags(command);
  const path = resumeCheckpointPath(dir);
  const { state, extra, optionsJson } = decodeCheckpoint(readFileBytes(path), path);
  let options: TrainOptions = state.options;
  if (flags.iters !== undefined || flags.epochs !== undefined) {
    options = resolveTrainOptions({
      ...options,
      iterations: flags.iters ?? null,
      epochs: flags.epochs ?? null,
    });
  }
  const built = await buildRun(options, savedSpec(extra, optionsJson), flags.debugAnomaly === true);
  restoreTrainState(built.run, { ...state, options });
  return built;
}

/** The dataset's name and split sizes, as metrics.json records them. */
type DataSize = MetricsFile['data'];

/** Loads the rows the spec names and prepares a fresh run on them. */
async function buildRun(
  options: TrainOptions,
  spec: DataSpec,
  debugAnomaly: boolean,
): Promise<BuiltRun> {
  const loaded = await loadTrainingData(spec, options.seed);
  const run = prepareTraining(options, loaded, {
    debugAnomaly,
    lastLayer: loaded.head?.lastLayer,
    outputSize: loaded.head?.outputSize,
  });
  const h = loaded.head;
  const { train, validation, test } = run.data;
  return {
    run,
    spec,
    modelMeta: loaded.modelMeta,
    headLine:
      h === undefined
        ? null
        : `head ${h.head.name} (${h.chosen === 'given' ? 'from --head' : `chosen for a ${h.head.targetKind === 'class' ? 'class' : 'numeric'} target; --head to change`}): ${h.head.description}`,
    dataSize: {
      name: loaded.name,
      train: train.count,
      validation: validation?.count ?? 0,
      test: test.count,
    },
  };
}

/** Runs `gradlab train`; returns the exit code (0, 130 after SIGINT, 143 after SIGTERM, 1 on divergence). */
export async function runTrainCommand(flags: TrainFlags, command: Command): Promise<number> {
  const backend = await useBackend(flags.backend);
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  let dir: string;
  let built: BuiltRun;
  if (flags.resume !== undefined) {
    dir = flags.resume;
    built = await resumeRun(dir, flags, command);
    log(`resuming ${dir} at iteration ${built.run.iteration}/${built.run.totalIterations}`);
  } else {
    const options = resolveTrainOptions(flagsToInput(flags));
    dir = chooseRunDir(flags.out, flags.name);
    checkRunDirPath(dir);
    if (existsSync(join(dir, CHECKPOINT_FILE))) {
      throw new UsageError(
        `${dir} already holds a run; continue it with --resume ${dir}, or choose another --out or --name`,
      );
    }
    built = await buildRun(options, specFromFlags(flags), flags.debugAnomaly === true);
  }
  const { run, dataSize, modelMeta } = built;
  const extra = { source: JSON.stringify(built.spec) };
  openRunDir(dir);
  const o = run.options;
  if (built.headLine !== null) log(built.headLine);
  log(
    `training ${o.model} ${[run.network.config.inputSize, ...o.hiddenSizes, run.network.config.outputSize].join('-')} ${o.activation}, ` +
      `${o.optimizer} lr ${o.learningRate}, batch ${o.batchSize}, ${run.totalIterations} iterations ` +
      `(${run.iterationsPerEpoch} per epoch), ${dataSize.name} ${dataSize.train} train / ${dataSize.test} test, ${o.dtype}, ${backend}, seed ${o.seed}`,
  );
  const tty = process.stdout.isTTY === true && flags.progress !== false;
  const reporter = tty
    ? createBarReporter(run.totalIterations, run.iteration, process.stdout)
    : createLineReporter(run.totalIterations, log);
  const signals = watchSignals();
  const t0 = performance.now();
  const seconds = (): number => (performance.now() - t0) / 1000;
  const charts = flags.charts !== false;
  const metrics = (status: MetricsFile['status'], final: FinalAccuracy | null): MetricsFile => ({
    options: o,
    data: dataSize,
    backend,
    iterationsPerEpoch: run.iterationsPerEpoch,
    totalIterations: run.totalIterations,
    iteration: run.iteration,
    status,
    wallSeconds: seconds(),
    loss: run.history.loss,
    epochs: run.history.epochs,
    final,
  });
  try {
    const final = await driveTraining(run, reporter, signals, dir, extra);
    reporter.stop();
    if (final === null) {
      writeCheckpoint(dir, run, extra);
      await writeRunOutputs(dir, run, charts, metrics('interrupted', null), modelMeta);
      log(
        `interrupted at iteration ${run.iteration}/${run.totalIterations}; checkpoint written, continue with: gradlab train --resume ${dir}`,
      );
      return signals.exitCode();
    }
    await writeRunOutputs(
      dir,
      run,
      charts,
      metrics('complete', final),
      withFittedScale(built, log),
    );
    log(`final: ${formatMeasures(final, ', ')} (${seconds().toFixed(1)} s); run written to ${dir}`);
    return 0;
  } catch (e) {
    reporter.stop();
    if (e instanceof DivergenceError)
      await writeRunOutputs(dir, run, charts, metrics('diverged', null), modelMeta);
    throw e;
  } finally {
    signals.dispose();
  }
}

/** The data the flags of a new run name. */
function specFromFlags(flags: TrainFlags): DataSpec {
  return {
    data: flags.data,
    ...(flags.target === undefined ? {} : { target: flags.target }),
    ...(flags.features === undefined ? {} : { features: flags.features }),
    ...(flags.head === undefined ? {} : { head: flags.head }),
    ...(flags.split === undefined ? {} : { split: flags.split }),
  };
}

/**
 * The model metadata of a finished table run, with the scale of a fixed-scale head (gaussian σ,
 * laplace b) fitted on the training rows: σ̂ = rmse, b̂ = mae (their maximum-likelihood values).
 */
function withFittedScale(
  built: BuiltRun,
  log: (line: string) => void,
): Readonly<Record<string, string>> {
  const text = built.modelMeta.data;
  if (text === undefined) return built.modelMeta;
  const meta = JSON.parse(text) as TableMeta;
  const head = headFor(meta.head);
  if (head.fitScale === undefined) return built.modelMeta;
  const { output, targets } = allOutputs(built.run.network, built.run.data.train);
  const scale = head.fitScale(output, targets);
  log(
    `${head.name} scale fitted on the training rows: ${scale.toFixed(4)} (kept in the model file)`,
  );
  return { ...built.modelMeta, data: JSON.stringify({ ...meta, scale }) };
}
