import { ACTIVATIONS } from '../models/activations.js';
import type { NetworkConfig } from '../models/network.js';
import { TrainOptionsError, type TrainOptions } from './train-options.js';

/**
 * The architecture a training run asks for:
 * - 'two-layer': TwoLayerNet, weights N(0, 0.01²) as the book's weight_init_std=0.01;
 * - 'multi-layer': MultiLayerNet with its activation's init (He for ReLU, Xavier for sigmoid, ch06 §6.2),
 *   weight decay and dropout.
 * Weight decay and dropout need 'multi-layer' (TwoLayerNet has neither, as in the book).
 * Build it with the models' createNetwork(config, rng).
 * @example
 * networkConfigFor(resolveTrainOptions({}), 784, 10);
 * // { kind: 'two-layer', inputSize: 784, hiddenSizes: [50], outputSize: 10, activation: 'relu', … }
 */
export function networkConfigFor(
  options: TrainOptions,
  inputSize: number,
  outputSize: number,
): NetworkConfig {
  const { model, activation, dtype, weightDecay, dropout } = options;
  if (model === 'two-layer' && (weightDecay > 0 || dropout > 0)) {
    throw new TrainOptionsError(
      weightDecay > 0 ? 'weightDecay' : 'dropout',
      "weight decay and dropout need model 'multi-layer' (TwoLayerNet has neither)",
    );
  }
  return {
    kind: model,
    inputSize,
    hiddenSizes: [...options.hiddenSizes],
    outputSize,
    activation,
    weightDecay,
    dropout,
    dtype,
    weightInit: model === 'two-layer' ? 0.01 : ACTIVATIONS[activation].init,
  };
}

/**
 * Checks the fields of a saved network config that createNetwork reads, so a hand-edited model
 * file or checkpoint fails with a message instead of deep inside a constructor. Throws a
 * RangeError naming the field; returns the config typed.
 * @example checkNetworkConfig(JSON.parse(metadata.config)); // NetworkConfig, or throws
 */
export function checkNetworkConfig(config: unknown): NetworkConfig {
  const c = config as Partial<Record<keyof NetworkConfig, unknown>> | null;
  const size = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) > 0;
  if (typeof c !== 'object' || c === null) throw new RangeError('the config must be a JSON object');
  if (c.kind !== 'two-layer' && c.kind !== 'multi-layer') {
    throw new RangeError(
      `kind must be 'two-layer' or 'multi-layer', found ${JSON.stringify(c.kind)}`,
    );
  }
  if (!size(c.inputSize) || !size(c.outputSize))
    throw new RangeError('inputSize and outputSize must be positive integers');
  if (!Array.isArray(c.hiddenSizes) || !c.hiddenSizes.every(size))
    throw new RangeError('hiddenSizes must be an array of positive integers');
  if (c.dtype !== 'float32' && c.dtype !== 'float64')
    throw new RangeError(`dtype must be float32 or float64, found ${JSON.stringify(c.dtype)}`);
  return config as NetworkConfig;
}
