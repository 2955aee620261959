import { type DType, fmtShape, type Tensor } from '../tensor/tensor.js';
import { Affine } from '../layers/affine.js';
import type { Labels, LossLayer } from '../layers/layer.js';
import { toClassIndices } from '../losses/labels.js';
import type { TwoLayerWeights } from '../numerical/two-layer-forward-cache.js';
import { TwoLayerNumericalGradient } from '../numerical/two-layer-numerical-gradient.js';
import { clone, zeros } from '../tensor/creation.js';
import { createRng, type Rng } from '../tensor/rng.js';
import { ACTIVATIONS, type Activation } from './activations.js';
import { checkNetworkConfig } from './check-network-config.js';
import { initWeights } from './init.js';
import { LayeredNet } from './layered-net.js';
import { checkSize, ModelError } from './model-error.js';
import type { Params } from './network.js';

/** Options of TwoLayerNet. */
export interface TwoLayerNetOptions {
  /** σ of the initial weights, W ~ N(0, σ²) (default 0.01, the book's); biases start at 0. */
  weightInitStd?: number;
  /** Hidden activation, a key of ACTIVATIONS: 'relu' (default, ch05), 'sigmoid' (ch04), … */
  activation?: Activation;
  /** float64 (default, as NumPy) or float32. */
  dtype?: DType;
  /** Draws the initial weights (default createRng(0)). */
  rng?: Rng;
  /** The loss layer (default SoftmaxWithLoss, the book's); any LossLayer, e.g. a head's loss. */
  lastLayer?: LossLayer;
}

/**
 * The book's two-layer classifier: Affine → ReLU (or another activation) → Affine → SoftmaxWithLoss.
 *   scores = act(x·W1 + b1)·W2 + b2,  L = −(1/N) Σₙ log(softmax(scores)[n, tₙ] + 1e-7).
 * `params` holds W1, b1, W2, b2: the very tensors the Affine layers use, so an optimizer that
 * updates them in place trains the network. `gradient` is backpropagation (one forward, one
 * backward); `numericalGradient` is chapter 4's central differences (2 losses per number), each
 * perturbed loss recomputed only where the perturbation reaches (TwoLayerNumericalGradient: the
 * same numbers as the plain loop to about 1e-11 in float64; 784-50-10 at batch 100 in 12–30 ms).
 * `predict` returns the scores before softmax with either activation (ch05's predict; ch04's
 * applied softmax, which does not change the argmax). Forward, backward, loss and accuracy are
 * LayeredNet's, shared with MultiLayerNet.
 * Shapes: x (N, inputSize), t (N) indices or (N, outputSize) one-hot → scores (N, outputSize).
 * Book: TwoLayerNet (ch04 §4.5 two_layer_net.py with sigmoid; ch05 §5.7 with layers and ReLU).
 * @example
 * const net = new TwoLayerNet(784, 50, 10, { rng: createRng(0) });
 * const xBatch = zeros([2, 784]);
 * const { loss, grads } = net.gradient(xBatch, [3, 1]);
 * for (const key in grads) axpyInPlace(net.params[key], -0.1, grads[key]); // one SGD step
 * // All-zero inputs give uniform scores: −log(0.1 + 1e-7).
 * loss; // → 2.3025841
 */
export class TwoLayerNet extends LayeredNet {
  readonly #numerical?: TwoLayerNumericalGradient;
  #labels?: Int32Array;

  constructor(
    inputSize: number,
    hiddenSize: number,
    outputSize: number,
    options: TwoLayerNetOptions = {},
  ) {
    checkSize('TwoLayerNet', 'inputSize', inputSize);
    checkSize('TwoLayerNet', 'hiddenSize', hiddenSize);
    checkSize('TwoLayerNet', 'outputSize', outputSize);
    const {
      weightInitStd = 0.01,
      activation = 'relu',
      dtype = 'float64',
      rng = createRng(0),
    } = options;
    const config = checkNetworkConfig(
      {
        kind: 'two-layer',
        inputSize,
        hiddenSizes: [hiddenSize],
        outputSize,
        activation,
        weightDecay: 0,
        dropout: 0,
        dtype,
        weightInit: weightInitStd,
      },
      'TwoLayerNet',
    );
    const act = ACTIVATIONS[config.activation];
    const W1 = initWeights(inputSize, hiddenSize, weightInitStd, rng, dtype);
    const W2 = initWeights(hiddenSize, outputSize, weightInitStd, rng, dtype);
    const layers = [
      new Affine(W1, zeros([hiddenSize], { dtype })),
      act.layer(),
      new Affine(W2, zeros([outputSize], { dtype })),
    ];
    const { lastLayer } = options;
    super(layers, config, lastLayer);
    // The structured sweep knows softmax cross-entropy only; another loss layer uses the plain loop.
    if (lastLayer === undefined) this.#numerical = new TwoLayerNumericalGradient(act.scalar);
  }

  /**
   * Central differences of the loss for every parameter (h = 1e-4, float64 arithmetic in either
   * dtype), by the structured sweep of TwoLayerNumericalGradient. A TwoLayerNet has no dropout
   * and no weight decay, so this is the loss that `gradient` differentiates. With a `lastLayer`
   * other than SoftmaxWithLoss, the plain loop over every parameter (LayeredNet's).
   */
  override numericalGradient(x: Tensor, t: Labels): Params {
    if (this.#numerical === undefined) return super.numericalGradient(x, t);
    const rows = x.ndim === 1 ? x.reshape([1, x.shape[0]]) : x;
    if (rows.ndim !== 2) {
      throw new ModelError(
        `TwoLayerNet.numericalGradient: x must have shape (N, ${this.config.inputSize}) or (${this.config.inputSize},), got ${fmtShape(x.shape)}`,
      );
    }
    this.#labels = toClassIndices(
      'TwoLayerNet.numericalGradient',
      t,
      rows.shape[0],
      this.config.outputSize,
      { arg: 't', out: this.#labels },
    );
    const grads = this.#numerical.compute(
      rows,
      this.#labels,
      this.params as Params & TwoLayerWeights,
    );
    return { W1: clone(grads.W1), b1: clone(grads.b1), W2: clone(grads.W2), b2: clone(grads.b2) };
  }
}
