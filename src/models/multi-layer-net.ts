import type { DType } from '../tensor/tensor.js';
import { Affine } from '../layers/affine.js';
import { Dropout } from '../layers/dropout.js';
import type { Layer, LossLayer } from '../layers/layer.js';
import { zeros } from '../tensor/creation.js';
import { createRng, type Rng } from '../tensor/rng.js';
import { ACTIVATIONS, type Activation } from './activations.js';
import { checkNetworkConfig } from './check-network-config.js';
import { initWeights, type WeightInit } from './init.js';
import { LayeredNet } from './layered-net.js';

/** Options of MultiLayerNet. */
export interface MultiLayerNetOptions {
  inputSize: number;
  /** Sizes of the hidden layers, e.g. [100, 100, 100]; [] gives a single Affine (softmax regression). */
  hiddenSizes: readonly number[];
  outputSize: number;
  /** Hidden activation, a key of ACTIVATIONS (default 'relu'). */
  activation?: Activation;
  /** Weight init (default 'he', the book's weight_init_std='relu'). */
  weightInit?: WeightInit;
  /** λ of the L2 penalty ½λΣ‖W‖² on the weights (default 0: none). */
  weightDecay?: number;
  /** Dropout ratio after each hidden activation (default 0: no Dropout layers). */
  dropout?: number;
  /** float64 (default) or float32. */
  dtype?: DType;
  /** Draws the initial weights and the dropout masks (default createRng(0)). */
  rng?: Rng;
  /** The loss layer (default SoftmaxWithLoss); any LossLayer, e.g. a likelihood head's loss. */
  lastLayer?: LossLayer;
}

/**
 * A fully connected classifier with any number of hidden layers:
 *   [Affine → activation → (Dropout)] × H → Affine → SoftmaxWithLoss (or options.lastLayer),
 *   L = cross-entropy + ½λ Σₗ ‖Wₗ‖²,  ∂L/∂Wₗ = backprop + λWₗ  (biases are not decayed).
 * `params` (W1, b1, …) are the tensors the Affine layers use (shared by reference). Forward,
 * backward, loss (with the penalty), accuracy and the dropout-aware numerical gradient are
 * LayeredNet's, shared with TwoLayerNet.
 * Shapes: x (N, inputSize), t (N) or (N, outputSize) → scores (N, outputSize).
 * Book: MultiLayerNet and MultiLayerNetExtend (common/multi_layer_net*.py, ch06 §6.2–6.4).
 * @example
 * const net = new MultiLayerNet({ inputSize: 784, hiddenSizes: [100, 100], outputSize: 10, weightDecay: 0.1 });
 * const x = zeros([2, 784]);
 * net.gradient(x, [3, 1]).grads.W1.shape; // → [784, 100]
 */
export class MultiLayerNet extends LayeredNet {
  constructor(options: MultiLayerNetOptions) {
    const where = 'MultiLayerNet';
    const { inputSize, hiddenSizes, outputSize, activation = 'relu', weightInit = 'he' } = options;
    const { weightDecay = 0, dropout = 0, dtype = 'float64', rng = createRng(0) } = options;
    const config = checkNetworkConfig(
      {
        kind: 'multi-layer',
        inputSize,
        hiddenSizes: Array.isArray(hiddenSizes) ? [...hiddenSizes] : hiddenSizes,
        outputSize,
        activation,
        weightDecay,
        dropout,
        dtype,
        weightInit,
      },
      where,
    );
    const act = ACTIVATIONS[config.activation];
    const sizes = [inputSize, ...hiddenSizes, outputSize];
    const layers: Layer[] = [];
    for (let i = 0; i + 1 < sizes.length; i++) {
      const W = initWeights(sizes[i], sizes[i + 1], weightInit, rng, dtype);
      layers.push(new Affine(W, zeros([sizes[i + 1]], { dtype })));
      if (i + 2 === sizes.length) break; // no activation after the output layer
      layers.push(act.layer());
      if (dropout > 0) layers.push(new Dropout(dropout, rng));
    }
    super(layers, config, options.lastLayer);
  }
}
