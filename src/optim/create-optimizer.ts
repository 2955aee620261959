import { AdaGrad } from './adagrad.js';
import { Adam } from './adam.js';
import { Momentum } from './momentum.js';
import { OptimizerError } from './optimizer-error.js';
import type { Optimizer } from './optimizer.js';
import { RMSprop } from './rmsprop.js';
import { SGD } from './sgd.js';

/** What gradlab knows about one optimizer (a record of {@link OPTIMIZERS}). */
export interface OptimizerRecord {
  /** A new optimizer with this learning rate and the book's other hyperparameters. */
  readonly make: (learningRate: number) => Optimizer;
  /** The learning rate when none is given. */
  readonly defaultLr: number;
  /** A short name for menus and help. */
  readonly label: string;
}

/**
 * Every optimizer, by the name options, the CLI and the playground use. The {@link OptimizerName}
 * type, validation, the CLI's choices and help, and the playground's menu and default rates are
 * read from here: adding one is a record here and its own file.
 * Default rates are the book's class defaults, except SGD's 0.1 from train_neuralnet.py (the class
 * default is 0.01).
 * Book: optimizer_compare_mnist.py builds the same five from a dict of names (ch06 §6.1.7).
 * @example
 * OPTIMIZERS.adam.defaultLr;              // 0.001
 * OPTIMIZERS.momentum.make(0.05).name;    // 'Momentum'
 */
export const OPTIMIZERS = {
  sgd: { make: (lr) => new SGD({ learningRate: lr }), defaultLr: 0.1, label: 'SGD' },
  momentum: {
    make: (lr) => new Momentum({ learningRate: lr }),
    defaultLr: 0.01,
    label: 'Momentum',
  },
  adagrad: { make: (lr) => new AdaGrad({ learningRate: lr }), defaultLr: 0.01, label: 'AdaGrad' },
  rmsprop: { make: (lr) => new RMSprop({ learningRate: lr }), defaultLr: 0.01, label: 'RMSprop' },
  adam: { make: (lr) => new Adam({ learningRate: lr }), defaultLr: 0.001, label: 'Adam' },
} as const satisfies Record<string, OptimizerRecord>;

/** An optimizer's name: a key of {@link OPTIMIZERS}. */
export type OptimizerName = keyof typeof OPTIMIZERS;

/**
 * The optimizer names in table order (the CLI's choices, the playground's options).
 * @example OPTIMIZER_NAMES  // ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam']
 */
export const OPTIMIZER_NAMES = Object.keys(OPTIMIZERS) as readonly OptimizerName[];

/**
 * Each optimizer's default learning rate by name (read from {@link OPTIMIZERS}).
 * @example DEFAULT_LEARNING_RATES.sgd  // 0.1
 */
export const DEFAULT_LEARNING_RATES = Object.fromEntries(
  OPTIMIZER_NAMES.map((n) => [n, OPTIMIZERS[n].defaultLr]),
) as Readonly<Record<OptimizerName, number>>;

/**
 * An optimizer by name, with `learningRate` or the table's default.
 * @example
 * createOptimizer('adam').learningRate; // → 0.001
 * createOptimizer('sgd', 0.5).learningRate; // → 0.5
 */
export function createOptimizer(name: OptimizerName, learningRate?: number): Optimizer {
  if (typeof name !== 'string' || !Object.hasOwn(OPTIMIZERS, name)) {
    throw new OptimizerError(
      `unknown optimizer '${String(name)}': expected one of ${OPTIMIZER_NAMES.join(', ')}`,
    );
  }
  const record: OptimizerRecord = OPTIMIZERS[name];
  return record.make(learningRate ?? record.defaultLr);
}
