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
