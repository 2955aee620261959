import { Command, Option } from 'commander';
import { ACTIVATION_NAMES, type Activation } from '../models/activations.js';
import { TRAINABLE_NETWORK_KINDS, type TrainableNetworkKind } from '../models/network-kinds.js';
import { OPTIMIZER_NAMES, OPTIMIZERS, type OptimizerName } from '../optim/create-optimizer.js';
import { HEAD_NAMES, type HeadName } from '../heads/index.js';
import type { TrainOptionsInput } from '../train/train-options.js';
import { DEFAULT_SPLIT } from './data-source.js';
import { BACKEND_NAMES, DEFAULT_BACKEND, type BackendName } from './backend-choice.js';
import { UsageError } from './cli-error.js';
import {
  parseFraction,
  parseNonNegative,
  parsePositive,
  parsePositiveInt,
  parseSeed,
  parseSizeList,
  parseNameList,
} from './option-parsers.js';

/** The options of `gradlab train` as commander parses them. */
export interface TrainFlags {
  data: string;
  target?: string;
  features?: string[];
  head?: HeadName;
  split?: string;
  model?: TrainableNetworkKind;
  hidden?: number[];
  activation?: Activation;
  optimizer?: OptimizerName;
  lr?: number;
  batchSize?: number;
  iters?: number;
  epochs?: number;
  weightDecay?: number;
  dropout?: number;
  trainSize?: number;
  validation?: number;
  earlyStopping?: number;
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

/**
 * Adds the options of `gradlab train` (the book's hyper-parameters and
 * the run's size, plus --out/--name/--resume/--backend, --debug-anomaly, --no-progress, --no-charts). Values are checked by the option parsers, so a
 * bad value is one line from commander and exit 2.
 */
export function addTrainOptions(command: Command): Command {
  return command
    .option(
      '--data <name|dir|file>',
      "'mnist', 'fashion-mnist', a directory of the four IDX files, a CSV or JSON file, or iris, cars, unemployment",
      'mnist',
    )
    .option(
      '--target <column>',
      'the column to predict (tables; default for iris, cars, unemployment)',
    )
    .option(
      '--features <columns>',
      'feature columns, comma-separated (tables; default every column but the target)',
      parseNameList,
    )
    .addOption(
      new Option(
        '--head <name>',
        'the likelihood the network outputs (tables; default categorical for text or few integer targets, gaussian otherwise)',
      ).choices([...HEAD_NAMES]),
    )
    .option(
      '--split <ratios>',
      `train:validation:test (or train:test) ratios of a table, seeded by --seed (default ${DEFAULT_SPLIT})`,
    )
    .addOption(
      new Option(
        '--model <kind>',
        'network: TwoLayerNet or MultiLayerNet (default two-layer)',
      ).choices(TRAINABLE_NETWORK_KINDS),
    )
    .option(
      '--hidden <sizes>',
      'hidden layer sizes, comma-separated, e.g. 100,100,100 (default 50)',
      parseSizeList,
    )
    .addOption(
      new Option('--activation <fn>', 'hidden activation (default relu)').choices(ACTIVATION_NAMES),
    )
    .addOption(
      new Option('--optimizer <name>', 'update rule (default sgd)').choices(OPTIMIZER_NAMES),
    )
    .option('--lr <rate>', `learning rate > 0 (default ${defaultRatesHelp()})`, parsePositive)
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
    .option(
      '--early-stopping <patience>',
      "stop after this many epochs without a lower validation loss and keep the best epoch's model (needs --validation or a --split with a validation part)",
      parsePositiveInt,
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
        'gradients by backpropagation or numerically (chapter 4: central differences; ' +
          "two-layer: about 45 it/s relu, 27 sigmoid, the book's 10,000 iterations in 4-6 min, " +
          '--iters 600 reaches 0.90 test accuracy in 16 s; multi-layer: slow)',
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
    .option('--no-charts', 'skip loss.svg/png and accuracy.svg/png (faster for short runs)');
}

/**
 * The optimizers' default learning rates for --lr's help, names sharing a rate grouped.
 * @example defaultRatesHelp()  // '0.1 sgd, 0.01 momentum/adagrad/rmsprop, 0.001 adam'
 */
export function defaultRatesHelp(): string {
  const byRate = new Map<number, string[]>();
  for (const name of OPTIMIZER_NAMES) {
    const rate = OPTIMIZERS[name].defaultLr;
    byRate.set(rate, [...(byRate.get(rate) ?? []), name]);
  }
  return [...byRate].map(([rate, names]) => `${rate} ${names.join('/')}`).join(', ');
}

/** Options that --resume takes from the checkpoint and that cannot be changed on the command line. */
const FIXED_ON_RESUME = [
  'data',
  'target',
  'features',
  'head',
  'split',
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
  'earlyStopping',
  'sampling',
  'grad',
  'dtype',
  'seed',
  'out',
  'name',
] as const;

/** Throws a UsageError when --resume comes with an option that the checkpoint fixes. */
export function checkResumeFlags(command: Command): void {
  for (const key of FIXED_ON_RESUME) {
    if (command.getOptionValueSource(key) === 'cli') {
      throw new UsageError(
        `--resume continues with the checkpoint's options; drop --${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
      );
    }
  }
}

/** The training options the flags ask for (defaults filled in later by resolveTrainOptions). */
export function flagsToInput(flags: TrainFlags): TrainOptionsInput {
  return {
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
    earlyStopping: flags.earlyStopping,
    sampling: flags.sampling,
    grad: flags.grad,
    dtype: flags.dtype,
    seed: flags.seed,
  };
}
