import { AdaGrad } from './adagrad.js';
import { Adam } from './adam.js';
import { Momentum } from './momentum.js';
import { OptimizerError } from './optimizer-error.js';
import type { Optimizer } from './optimizer.js';
import { RMSprop } from './rmsprop.js';
import { SGD } from './sgd.js';

/** The optimizers by their command-line names. */
export const OPTIMIZER_NAMES = ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam'] as const;

/** A command-line optimizer name. */
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

/**
 * Each optimizer's learning rate when none is given: the book's class defaults, except SGD,
 * whose default here is train_neuralnet.py's 0.1 (the class default is 0.01).
 */
export const DEFAULT_LEARNING_RATES: Readonly<Record<OptimizerName, number>> = {
  sgd: 0.1,
  momentum: 0.01,
  adagrad: 0.01,
  rmsprop: 0.01,
  adam: 0.001,
};

/**
 * An optimizer by command-line name with the book's other hyperparameters.
 * Book: optimizer_compare_mnist.py builds the same four (plus SGD) from a dict of names.
 * @example
 * createOptimizer('adam').learningRate;        // 0.001
 * createOptimizer('sgd', 0.5).learningRate;    // 0.5
 */
export function createOptimizer(name: OptimizerName, learningRate?: number): Optimizer {
  const lr = learningRate ?? DEFAULT_LEARNING_RATES[name];
  switch (name) {
    case 'sgd':
      return new SGD({ learningRate: lr });
    case 'momentum':
      return new Momentum({ learningRate: lr });
    case 'adagrad':
      return new AdaGrad({ learningRate: lr });
    case 'rmsprop':
      return new RMSprop({ learningRate: lr });
    case 'adam':
      return new Adam({ learningRate: lr });
    default:
      throw new OptimizerError(
        `unknown optimizer '${String(name)}': expected one of ${OPTIMIZER_NAMES.join(', ')}`,
      );
  }
}
