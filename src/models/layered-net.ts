import { Affine } from '../layers/affine.js';
import { Dropout } from '../layers/dropout.js';
import type { Labels, Layer, LossLayer } from '../layers/layer.js';
import { SoftmaxWithLoss } from '../layers/softmax-with-loss.js';
import { reuse } from '../tensor/ops/check.js';
import { axpyInPlace } from '../tensor/ops/inplace.js';
import { sum } from '../tensor/ops/reduce.js';
import { square } from '../tensor/ops/unary.js';
import type { Tensor } from '../tensor/tensor.js';
import {
  accuracyOf,
  asDType,
  numericalGradients,
  type AccuracyBuffers,
} from './network-helpers.js';
import type { Network, NetworkConfig, Params } from './network.js';

/**
 * A network built from any layers and ending in any loss layer (what TwoLayerNet and MultiLayerNet
 * share; the book writes it twice): the layers' outputs feed `lastLayer`, SoftmaxWithLoss by default
 * (the book's classifier) or any other LossLayer, e.g. a PyTorch loss through LossAdapter, or a
 * likelihood head's loss. The Affine layers' W and b are the params W1, b1, W2, b2, …
 *   L = lastLayer(scores, t) + ½λ Σₗ ‖Wₗ‖²,  ∂L/∂Wₗ = backprop + λWₗ (λ = config.weightDecay).
 * `gradient` runs one forward (training mode: dropout on, as the book's train_flg=True) and one
 * backward. `numericalGradient` evaluates the same loss with any dropout masks frozen at those of
 * the last training forward, so it checks exactly what `gradient` computed.
 * Returned tensors (scores, gradients) are buffers that the next call reuses.
 * Shapes: x (N, inputSize), t (N) or (N, outputSize) → scores (N, outputSize).
 * Book: the layer-based TwoLayerNet and MultiLayerNet (common/multi_layer_net.py).
 * @example
 * // Linear regression y = 2x with PyTorch's MSELoss as the last layer.
 * const net = new LayeredNet([new Affine(tensor([[2]]), tensor([0]))], config, new LossAdapter(new MSELoss()));
 * net.loss(tensor([[1], [2]]), tensor([[2], [5]]));  // 0.5 (= (0² + 1²) / 2)
 */
export class LayeredNet implements Network {
  readonly params: Params = {};
  /** The layers in forward order; the loss layer is `lastLayer`. */
  readonly layers: readonly Layer[];
  /** The loss layer that turns the last layer's output and the targets into L. */
  readonly lastLayer: LossLayer;
  readonly #affines: readonly Affine[];
  readonly #dropouts: readonly Dropout[];
  readonly #grads: Params = {};
  readonly #squares: (Tensor | undefined)[] = [];
  readonly #accuracy: AccuracyBuffers = {};

  constructor(
    layers: readonly Layer[],
    readonly config: NetworkConfig,
    lastLayer: LossLayer = new SoftmaxWithLoss(),
  ) {
    this.layers = layers;
    this.lastLayer = lastLayer;
    this.#affines = layers.filter((l): l is Affine => l instanceof Affine);
    this.#dropouts = layers.filter((l): l is Dropout => l instanceof Dropout);
    this.#affines.forEach((a, i) => {
      this.params[`W${i + 1}`] = a.W; // the same tensors: in-place updates reach the layers
      this.params[`b${i + 1}`] = a.b;
    });
  }

  predict(x: Tensor, train = false): Tensor {
    let out = asDType(x, this.config.dtype);
    for (const layer of this.layers) out = layer.forward(out, train);
    return out;
  }

  loss(x: Tensor, t: Labels, train = false): number {
    return this.lastLayer.forward(this.predict(x, train), t) + this.#decay();
  }

  accuracy(x: Tensor, t: Labels): number {
    return accuracyOf(this.predict(x), t, this.#accuracy, `${this.constructor.name}.accuracy`);
  }

  numericalGradient(x: Tensor, t: Labels): Params {
    const frozen = this.#dropouts.map((d) => d.maskFrozen);
    for (const d of this.#dropouts) d.maskFrozen = true;
    try {
      return numericalGradients(() => this.loss(x, t, true), this.params);
    } finally {
      this.#dropouts.forEach((d, i) => (d.maskFrozen = frozen[i]));
    }
  }

  gradient(x: Tensor, t: Labels): { loss: number; grads: Params } {
    const loss = this.loss(x, t, true);
    let d = this.lastLayer.backward(1);
    for (let i = this.layers.length - 1; i > 0; i--) d = this.layers[i].backward(d);
    // x is data: the first layer's dx (dout·W1ᵀ, a third of the FLOPs of 784-50-10) is not needed.
    const first = this.layers[0];
    if (first instanceof Affine) first.backwardParams(d);
    else first?.backward(d);
    const lambda = this.config.weightDecay;
    this.#affines.forEach((a, i) => {
      // ∂(½λ‖W‖²)/∂W = λW, added in place to the layer's dW buffer (biases are not decayed).
      if (lambda > 0) axpyInPlace(a.grads.W, lambda, a.W);
      this.#grads[`W${i + 1}`] = a.grads.W;
      this.#grads[`b${i + 1}`] = a.grads.b;
    });
    return { loss, grads: this.#grads };
  }

  /** ½λ Σₗ ‖Wₗ‖², with a reused buffer per weight for the squares. */
  #decay(): number {
    const lambda = this.config.weightDecay;
    if (lambda === 0) return 0;
    let total = 0;
    this.#affines.forEach((a, i) => {
      const sq = square(a.W, reuse(this.#squares[i], a.W.shape, a.W.dtype));
      this.#squares[i] = sq;
      total += sum(sq);
    });
    return 0.5 * lambda * total;
  }
}
