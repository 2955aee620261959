import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { OPTIMIZER_NAMES } from '../optim/create-optimizer.js';
import { loadDataset } from '../platform/node/datasets.js';
import { readFileBytes } from '../platform/node/read-bytes.js';
import { decodeCheckpoint } from '../train/checkpoint.js';
import { DivergenceError } from '../train/divergence.js';
import type { MetricsFile } from '../train/metrics-file.js';
import { prepareTraining } from '../train/prepare-training.js';
import type { FinalAccuracy } from '../train/train-history.js';
import {
  resolveTrainOptions,
  type TrainOptions,
  type TrainOptionsInput,
} from '../train/train-options.js';
import { restoreTrainState } from '../train/train-state.js';
import { trainSteps } from '../train/train-steps.js';
import type { TrainingRun } from '../train/training-run.js';
import { BACKEND_NAMES, DEFAULT_BACKEND, useBackend, type BackendName } from './backend-choice.js';
import { UsageError } from './cli-error.js';
import {
  parseFraction,
  parseNonNegative,
  parsePositiveInt,
  parseSeed,
  parseSizeList,
} from './option-parsers.js';
import {
  createBarReporter,
  createLineReporter,
  formatEpoch,
  type ProgressReporter,
} from './progress-reporter.js';
import { CHECKPOINT_FILE, chooseRunDir, writeCheckpoint, writeRunOutputs } from './run-folder.js';
import { watchSignals, type SignalWatch } from './signals.js';

/** The options of `gradlab train` as commander parses them. */
interface TrainFlags {
  data: string;
  model?: 'two-layer' | 'multi-layer';
  hidden?: number[];
  activation?: 'relu' | 'sigmoid';
  optimizer?: (typeof OPTIMIZER_NAMES)[number];
  lr?: number;
  batchSize?: number;
  iters?: number;
  epochs?: number;
  weightDecay?: number;
  dropout?: number;
  trainSize?: number;
  validation?: number;
  sampling?: 'replacement' | 'shuffle';
  grad?: 'backprop' | 'numerical';
  dtype?: 'float32' | 'float64';
  seed?: number;
  out?: string;
  name?: string;
  resume?: string;
  backend: BackendName;
  debugAnomaly?: boolean;
  progress?: boolean;
  charts?: boolean;
}

/** Options that --resume takes from the checkpoint and that cannot be changed on the command line. */
const FIXED_ON_RESUME = [
  'data',
  'model',
  'hidden',
  'activation',
  'optimizer',
  'lr',
  'batchSize',
  'weightDecay',
  'dropout',
  'trainSize',
  'validation',
  'sampling',
  'grad',
  'dtype',
  'seed',
  'out',
  'name',
] as const;

/**
 * Registers `gradlab train`: the book's train_neuralnet.py as a command with a progress bar,
 * per-epoch accuracy lines, a run folder, checkpoints and --resume.
 */
export function registerTrainCommand(
  program: Command,
  setExitCode: (code: number) => void,
): Command {
  return program
    .command('train')
    .description(
      "train a network on MNIST (defaults: the book's train_neuralnet.py, 784-50-10 ReLU, SGD lr 0.1, batch 100, 10,000 iterations)",
    )
    .option(
      '--data <name|dir>',
      "'mnist', 'fashion-mnist' or a directory of the four IDX files",
      'mnist',
    )
    .addOption(
      new Option(
        '--model <kind>',
        'network: TwoLayerNet or MultiLayerNet (default two-layer)',
      ).choices(['two-layer', 'multi-layer']),
    )
    .option(
      '--hidden <sizes>',
      'hidden layer sizes, comma-separated, e.g. 100,100,100 (default 50)',
      parseSizeList,
    )
    .addOption(
      new Option('--activation <fn>', 'hidden activation (default relu)').choices([
        'relu',
        'sigmoid',
      ]),
    )
    .addOption(
      new Option('--optimizer <name>', 'update rule (default sgd)').choices([...OPTIMIZER_NAMES]),
    )
    .option(
      '--lr <rate>',
      'learning rate (default 0.1 for sgd, 0.01 momentum/adagrad/rmsprop, 0.001 adam)',
      parseNonNegative,
    )
    .option('--batch-size <n>', 'mini-batch size (default 100)', parsePositiveInt)
    .option('--iters <n>', 'iterations (default 10000)', parsePositiveInt)
    .option(
      '--epochs <n>',
      'epochs of ⌊train size / batch size⌋ iterations, instead of --iters',
      parsePositiveInt,
    )
    .option(
      '--weight-decay <lambda>',
      'L2 weight decay λ (loss + ½λΣW²; default 0)',
      parseNonNegative,
    )
    .option('--dropout <ratio>', 'dropout ratio after each hidden layer (default 0)', parseFraction)
    .option('--train-size <n>', 'train on the first n training samples only', parsePositiveInt)
    .option(
      '--validation <fraction>',
      'hold out this fraction of the training samples for validation',
      parseFraction,
    )
    .addOption(
      new Option(
        '--sampling <mode>',
        'batches drawn with replacement (the book) or by shuffled epochs',
      ).choices(['replacement', 'shuffle']),
    )
    .addOption(
      new Option(
        '--grad <method>',
        'gradients by backpropagation or numerically (chapter 4, slow)',
      ).choices(['backprop', 'numerical']),
    )
    .addOption(
      new Option('--dtype <dtype>', 'float type of the network (default float32)').choices([
        'float32',
        'float64',
      ]),
    )
    .option('--seed <n>', 'seed of every random choice (default 0)', parseSeed)
    .option('--out <dir>', 'run folder (default runs/<name>)')
    .option('--name <name>', 'run name, the folder runs/<name> (default: the start time)')
    .option('--resume <dir>', 'continue the interrupted run in <dir> from its checkpoint')
    .addOption(
      new Option('--backend <name>', 'compute backend')
        .choices([...BACKEND_NAMES])
        .default(DEFAULT_BACKEND),
    )
    .option('--debug-anomaly', "check every layer's output for NaN/Infinity each step (slower)")
    .option('--no-progress', 'plain log lines even on a terminal')
    .option('--no-charts', 'skip loss.svg/png and accuracy.svg/png (faster for short runs)')
    .action(async (flags: TrainFlags, command: Command) => {
      setExitCode(await runTrainCommand(flags, command));
    });
}

function toInput(flags: TrainFlags): TrainOptionsInput {
  return {
    data: flags.data,
    model: flags.model,
    hiddenSizes: flags.hidden,
    activation: flags.activation,
    optimizer: flags.optimizer,
    learningRate: flags.lr,
    batchSize: flags.batchSize,
    iterations: flags.iters,
    epochs: flags.epochs,
    weightDecay: flags.weightDecay,
    dropout: flags.dropout,
    trainSize: flags.trainSize,
    validation: flags.validation,
    sampling: flags.sampling,
    grad: flags.grad,
    dtype: flags.dtype,
    seed: flags.seed,
    debugAnomaly: flags.debugAnomaly,
  };
}

/** Reads a run folder's checkpoint and rebuilds the run it describes. */
function resumeRun(
  dir: string,
  flags: TrainFlags,
  command: Command,
): { run: TrainingRun; dataSize: DataSize } {
  for (const key of FIXED_ON_RESUME) {
    if (command.getOptionValueSource(key) === 'cli') {
      throw new UsageError(
        `--resume continues with the checkpoint's options; drop --${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
      );
    }
  }
  const path = join(dir, CHECKPOINT_FILE);
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

type DataSize = MetricsFile['data'];

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
    built = buildRun(resolveTrainOptions(toInput(flags)));
    dir = chooseRunDir(flags.out, flags.name);
  }
  const { run, dataSize } = built;
  mkdirSync(dir, { recursive: true });
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
  const metrics = (status: MetricsFile['status'], final: FinalAccuracy | null): MetricsFile => ({
    options: o,
    data: dataSize,
    backend,
    iterationsPerEpoch: run.iterationsPerEpoch,
    totalIterations: run.totalIterations,
    iteration: run.iteration,
    status,
    wallSeconds: (performance.now() - t0) / 1000,
    loss: run.history.loss,
    epochs: run.history.epochs,
    final,
  });
  try {
    const final = await drive(run, reporter, signals, dir);
    reporter.stop();
    if (final === null) {
      writeCheckpoint(dir, run);
      await writeRunOutputs(dir, run, flags.charts !== false, metrics('interrupted', null));
      log(
        `interrupted at iteration ${run.iteration}/${run.totalIterations}; checkpoint written, continue with: gradlab train --resume ${dir}`,
      );
      return signals.exitCode();
    }
    await writeRunOutputs(dir, run, flags.charts !== false, metrics('complete', final));
    log(
      `final: train acc ${final.trainAccuracy.toFixed(4)}, test acc ${final.testAccuracy.toFixed(4)}` +
        `${final.validationAccuracy === null ? '' : `, validation acc ${final.validationAccuracy.toFixed(4)}`}` +
        ` (${((performance.now() - t0) / 1000).toFixed(1)} s); run written to ${dir}`,
    );
    return 0;
  } catch (e) {
    reporter.stop();
    if (e instanceof DivergenceError)
      await writeRunOutputs(dir, run, flags.charts !== false, metrics('diverged', null));
    throw e;
  } finally {
    signals.dispose();
  }
}

/**
 * Drives the generator, yielding to the event loop every 50 ms so that Ctrl-C and SIGTERM are
 * seen between two steps. Writes a checkpoint at every epoch. Returns the final accuracies,
 * or null when a signal stopped the run.
 */
async function drive(
  run: TrainingRun,
  reporter: ProgressReporter,
  signals: SignalWatch,
  dir: string,
): Promise<FinalAccuracy | null> {
  const totalEpochs = Math.floor(run.totalIterations / run.iterationsPerEpoch);
  const steps = trainSteps(run);
  let lastYield = performance.now();
  for (;;) {
    if (signals.received() !== null) return null;
    const next = steps.next();
    if (next.done === true) return next.value.final;
    const event = next.value;
    if (event.type === 'step') reporter.step(event.iteration, event.loss);
    else if (event.type === 'epoch') {
      reporter.log(formatEpoch(event, totalEpochs, run.totalIterations));
      writeCheckpoint(dir, run);
    }
    if (performance.now() - lastYield > 50) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    }
  }
}
