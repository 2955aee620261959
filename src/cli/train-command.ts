import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadDataset } from '../platform/node/datasets.js';
import { readFileBytes } from '../platform/node/read-bytes.js';
import { decodeCheckpoint } from '../train/checkpoint.js';
import { DivergenceError } from '../train/divergence.js';
import type { MetricsFile } from '../train/metrics-file.js';
import { prepareTraining } from '../train/prepare-training.js';
import type { FinalAccuracy } from '../train/train-history.js';
import { resolveTrainOptions, type TrainOptions } from '../train/train-options.js';
import { restoreTrainState } from '../train/train-state.js';
import type { TrainingRun } from '../train/training-run.js';
import { useBackend } from './backend-choice.js';
import { UsageError } from './cli-error.js';
import { createBarReporter, createLineReporter } from './progress-reporter.js';
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

/** Reads a run folder's checkpoint and rebuilds the run it describes. */
function resumeRun(
  dir: string,
  flags: TrainFlags,
  command: Command,
): { run: TrainingRun; dataSize: DataSize } {
  checkResumeFlags(command);
  const path = resumeCheckpointPath(dir);
  const { state } = decodeCheckpoint(readFileBytes(path), path);
  let options: TrainOptions = state.options;
  if (flags.iters !== undefined || flags.epochs !== undefined) {
    options = resolveTrainOptions({
      ...options,
      iterations: flags.iters ?? null,
      epochs: flags.epochs ?? null,
    });
  }
  if (flags.debugAnomaly === true) options = { ...options, debugAnomaly: true };
  const { run, dataSize } = buildRun(options);
  restoreTrainState(run, { ...state, options });
  return { run, dataSize };
}

/** The dataset's name and split sizes, as metrics.json records them. */
type DataSize = MetricsFile['data'];

/** Loads the dataset the options name and prepares a fresh run on it. */
function buildRun(options: TrainOptions): { run: TrainingRun; dataSize: DataSize } {
  const dataset = loadDataset(options.data);
  const run = prepareTraining(options, dataset);
  const { train, validation, test } = run.data;
  return {
    run,
    dataSize: {
      name: options.data,
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
  let built: { run: TrainingRun; dataSize: DataSize };
  if (flags.resume !== undefined) {
    dir = flags.resume;
    built = resumeRun(dir, flags, command);
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
    built = buildRun(options);
  }
  const { run, dataSize } = built;
  openRunDir(dir);
  const o = run.options;
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
    const final = await driveTraining(run, reporter, signals, dir);
    reporter.stop();
    if (final === null) {
      writeCheckpoint(dir, run);
      await writeRunOutputs(dir, run, charts, metrics('interrupted', null));
      log(
        `interrupted at iteration ${run.iteration}/${run.totalIterations}; checkpoint written, continue with: gradlab train --resume ${dir}`,
      );
      return signals.exitCode();
    }
    await writeRunOutputs(dir, run, charts, metrics('complete', final));
    log(
      `final: train acc ${final.trainAccuracy.toFixed(4)}, test acc ${final.testAccuracy.toFixed(4)}` +
        `${final.validationAccuracy === null ? '' : `, validation acc ${final.validationAccuracy.toFixed(4)}`}` +
        ` (${seconds().toFixed(1)} s); run written to ${dir}`,
    );
    return 0;
  } catch (e) {
    reporter.stop();
    if (e instanceof DivergenceError)
      await writeRunOutputs(dir, run, charts, metrics('diverged', null));
    throw e;
  } finally {
    signals.dispose();
  }
}
