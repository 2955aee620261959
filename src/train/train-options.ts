import { ACTIVATION_NAMES, type Activation } from '../models/activations.js';
import { TRAINABLE_NETWORK_KINDS, type TrainableNetworkKind } from '../models/network-kinds.js';
import {
  DEFAULT_LEARNING_RATES,
  OPTIMIZER_NAMES,
  type OptimizerName,
} from '../optim/create-optimizer.js';

/** How mini-batches are drawn. */
export type Sampling = 'replacement' | 'shuffle';

/** Every option of a training run, resolved (what metrics.json records under `options`). */
export interface TrainOptions {
  readonly model: TrainableNetworkKind;
  readonly hiddenSizes: readonly number[];
  readonly activation: Activation;
  readonly optimizer: OptimizerName;
  readonly learningRate: number;
  readonly batchSize: number;
  /** The run length in iterations, or null when it was asked in epochs (exactly one is set). */
  readonly iterations: number | null;
  /** The run length in epochs of iterationsPerEpoch iterations, or null. */
  readonly epochs: number | null;
  readonly weightDecay: number;
  readonly dropout: number;
  /** Train on the first N training samples only (null: all). */
  readonly trainSize: number | null;
  /** Fraction of the training samples held out for validation (0: none). */
  readonly validation: number;
  readonly sampling: Sampling;
  /**
   * Early stopping: stop after this many evaluations without a lower validation loss, and keep
   * the parameters of the best one (null: off). Needs validation data.
   */
  readonly earlyStopping: number | null;
  readonly grad: 'backprop' | 'numerical';
  readonly dtype: 'float32' | 'float64';
  readonly seed: number;
}

/** Options as a caller gives them: any subset, the rest take the book's defaults. */
export type TrainOptionsInput = {
  -readonly [K in keyof TrainOptions]?: TrainOptions[K] | undefined;
};

/**
 * An option out of range or two options that contradict each other.
 * @example
 * try { resolveTrainOptions({ batchSize: 0 }); } catch (e) { (e as TrainOptionsError).option; } // 'batchSize'
 */
export class TrainOptionsError extends Error {
  override readonly name = 'TrainOptionsError';
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(`option ${option}: ${message}`);
  }
}

/** The book's train_neuralnet.py run (chapter 5: ReLU). */
export const BOOK_DEFAULTS = {
  model: 'two-layer',
  hiddenSizes: [50],
  activation: 'relu',
  optimizer: 'sgd',
  batchSize: 100,
  iterations: 10_000,
  sampling: 'replacement',
  grad: 'backprop',
  dtype: 'float32',
  seed: 0,
} as const;

function positiveInt(option: string, v: number): number {
  if (!Number.isSafeInteger(v) || v <= 0) {
    throw new TrainOptionsError(option, `expected a positive integer, got ${String(v)}`);
  }
  return v;
}

function inRange(option: string, v: number, lo: number, hi: number, what: string): number {
  if (typeof v !== 'number' || !(v >= lo && v < hi)) {
    throw new TrainOptionsError(option, `expected ${what}, got ${String(v)}`);
  }
  return v;
}

function oneOf<T extends string>(option: string, v: string, allowed: readonly T[]): T {
  if (!allowed.includes(v as T)) {
    throw new TrainOptionsError(option, `expected one of ${allowed.join(', ')}, got '${v}'`);
  }
  return v as T;
}

/**
 * Fills in the book's defaults and checks every option. The run length is `iterations`
 * (default 10,000) or `epochs`, not both; epochs are turned into iterations later, once the
 * training-set size is known (see iterationsPerEpoch).
 * Book: train_neuralnet.py (784-50-10, SGD lr 0.1, batch 100, 10,000 iterations).
 * @example
 * resolveTrainOptions({}).learningRate; // → 0.1
 * resolveTrainOptions({ optimizer: 'adam' }).learningRate; // → 0.001
 */
export function resolveTrainOptions(input: TrainOptionsInput): TrainOptions {
  const model = oneOf('model', input.model ?? BOOK_DEFAULTS.model, TRAINABLE_NETWORK_KINDS);
  const hiddenSizes = [...(input.hiddenSizes ?? BOOK_DEFAULTS.hiddenSizes)];
  if (hiddenSizes.length === 0)
    throw new TrainOptionsError('hiddenSizes', 'expected at least one hidden layer');
  hiddenSizes.forEach((h) => positiveInt('hiddenSizes', h));
  if (model === 'two-layer' && hiddenSizes.length !== 1) {
    throw new TrainOptionsError(
      'hiddenSizes',
      `the two-layer model has exactly one hidden layer, got ${hiddenSizes.length} sizes (use model 'multi-layer')`,
    );
  }
  const optimizer = oneOf('optimizer', input.optimizer ?? BOOK_DEFAULTS.optimizer, OPTIMIZER_NAMES);
  const learningRate = input.learningRate ?? DEFAULT_LEARNING_RATES[optimizer];
  if (typeof learningRate !== 'number' || !Number.isFinite(learningRate) || learningRate < 0) {
    throw new TrainOptionsError(
      'learningRate',
      `expected a finite number ≥ 0, got ${String(learningRate)}`,
    );
  }
  if (input.iterations != null && input.epochs != null) {
    throw new TrainOptionsError('epochs', 'give either iterations or epochs, not both');
  }
  const epochs = input.epochs == null ? null : positiveInt('epochs', input.epochs);
  const weightDecay = input.weightDecay ?? 0;
  if (typeof weightDecay !== 'number' || !Number.isFinite(weightDecay) || weightDecay < 0) {
    throw new TrainOptionsError(
      'weightDecay',
      `expected a finite number ≥ 0, got ${String(weightDecay)}`,
    );
  }
  const trainSize = input.trainSize == null ? null : positiveInt('trainSize', input.trainSize);
  const seed = input.seed ?? BOOK_DEFAULTS.seed;
  if (!Number.isSafeInteger(seed))
    throw new TrainOptionsError('seed', `expected an integer, got ${String(seed)}`);
  return {
    model,
    hiddenSizes,
    activation: oneOf('activation', input.activation ?? BOOK_DEFAULTS.activation, ACTIVATION_NAMES),
    optimizer,
    learningRate,
    batchSize: positiveInt('batchSize', input.batchSize ?? BOOK_DEFAULTS.batchSize),
    iterations:
      epochs === null
        ? positiveInt('iterations', input.iterations ?? BOOK_DEFAULTS.iterations)
        : null,
    epochs,
    weightDecay,
    dropout: inRange('dropout', input.dropout ?? 0, 0, 1, 'a dropout ratio in [0, 1)'),
    trainSize,
    validation: inRange('validation', input.validation ?? 0, 0, 1, 'a fraction in [0, 1)'),
    sampling: oneOf('sampling', input.sampling ?? BOOK_DEFAULTS.sampling, [
      'replacement',
      'shuffle',
    ] as const),
    earlyStopping:
      input.earlyStopping == null ? null : positiveInt('earlyStopping', input.earlyStopping),
    grad: oneOf('grad', input.grad ?? BOOK_DEFAULTS.grad, ['backprop', 'numerical'] as const),
    dtype: oneOf('dtype', input.dtype ?? BOOK_DEFAULTS.dtype, ['float32', 'float64'] as const),
    seed,
  };
}

/**
 * Iterations per epoch: ⌊train size / batch size⌋, at least 1 (an integer, so epoch boundaries
 * never depend on a float `%` as in the book's `i % iter_per_epoch`).
 * Book: iter_per_epoch = max(train_size / batch_size, 1) in train_neuralnet.py.
 * @example
 * iterationsPerEpoch(60000, 100); // → 600
 */
export function iterationsPerEpoch(trainCount: number, batchSize: number): number {
  return Math.max(Math.floor(trainCount / batchSize), 1);
}

/**
 * The run length in iterations: `iterations`, or epochs × iterationsPerEpoch.
 * @example
 * totalIterations(resolveTrainOptions({ epochs: 2 }), 60000); // → 1200
 */
export function totalIterations(options: TrainOptions, trainCount: number): number {
  return (
    options.iterations ?? (options.epochs ?? 0) * iterationsPerEpoch(trainCount, options.batchSize)
  );
}
