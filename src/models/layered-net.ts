import { Dropout } from '../layers/dropout.js';
import type { Labels, Layer, LossLayer } from '../layers/layer.js';
import { SoftmaxWithLoss } from '../layers/softmax-with-loss.js';
import { reuse } from '../tensor/ops/check.js';
import { axpyInPlace } from '../tensor/ops/inplace.js';
import { sum } from '../tensor/ops/reduce.js';
import { square } from '../tensor/ops/unary.js';
import type { Tensor } from '../tensor/tensor.js';
import { clone } from '../tensor/creation.js';
import {
  accuracyOf,
  asDType,
  cloneParams,
  numericalGradients,
  type AccuracyBuffers,
} from './network-helpers.js';
import type { CallOptions, Network, NetworkConfig, Params } from './network.js';

/**
 * A network built from any layers and ending in any loss layer (what TwoLayerNet and MultiLayerNet
 * share; the book writes it twice): the layers' outputs feed `lastLayer`, SoftmaxWithLoss by default
 * (the book's classifier) or any other LossLayer, e.g. a PyTorch loss through LossAdapter, or a
 * likelihood head's loss. The parameters of the k-th layer that has any are named with k: the
 * Affine layers' W and b are W1, b1, W2, b2, … (with `plainNames`, a single layer's keep their
 * own names, as SimpleNet's W). Weight decay applies to every parameter called W, not to biases:
 *   L = lastLayer(scores, t) + ½λ Σₗ ‖Wₗ‖²,  ∂L/∂Wₗ = backprop + λWₗ (λ = config.weightDecay).
 * `gradient` runs one forward (training mode: dropout on, as the book's train_flg=True) and one
 * backward. `numericalGradient` evaluates the same loss with any dropout masks frozen at those of
 * the last training forward, so it checks exactly what `gradient` computed.
 * `predict` and `gradient` return tensors the caller owns; with `{ reuse: true }` they return the
 * network's own buffers instead, valid until its next call (the training step's allocation-free
 * path). The layers are the network's internals: it turns their reuseBuffers on.
 * Shapes: x (N, inputSize), t (N) or (N, outputSize) → scores (N, outputSize).
 * The first layer's input gradient is skipped when the layer can (backwardParams): x is data.
 * Book: the layer-based TwoLayerNet and MultiLayerNet (common/multi_layer_net.py).
 * @example
 * // Linear regression y = 2x with PyTorch's MSELoss as the last layer.
 * const config = { kind: 'simple', inputSize: 1, hiddenSizes: [], outputSize: 1, activation: 'relu', weightDecay: 0, dropout: 0, dtype: 'float64' } as const;
 * const net = new LayeredNet([new Affine(tensor([[2]]), tensor([0]))], config, new LossAdapter(new MSELoss()));
 * net.loss(tensor([[1], [2]]), tensor([[2], [5]])); // → 0.5
 * // = (0² + 1²) / 2
 */
export class LayeredNet implements Network {
  readonly params: Params = {};
  /** The layers in forward order; the loss layer is `lastLayer`. */
  readonly layers: readonly Layer[];
  /** The loss layer that turns the last layer's output and the targets into L. */
  readonly lastLayer: LossLayer;
  /** Every parameter: its name in params, the layer holding it, its key in the layer. */
  readonly #entries: readonly { name: string; layer: Layer; key: string }[];
  readonly #dropouts: readonly Dropout[];
  readonly #grads: Params = {};
  readonly #squares: (Tensor | undefined)[] = [];
  readonly #accuracy: AccuracyBuffers = {};

  constructor(
    layers: readonly Layer[],
    readonly config: NetworkConfig,
    lastLayer: LossLayer = new SoftmaxWithLoss(),
    options: { plainNames?: boolean } = {},
  ) {
    this.layers = layers;
    this.lastLayer = lastLayer;
    for (const layer of layers) layer.reuseBuffers = true;
    lastLayer.reuseBuffers = true;
    this.#dropouts = layers.filter((l): l is Dropout => l instanceof Dropout);
    const withParams = layers.filter((l) => Object.keys(l.params).length > 0);
    this.#entries = withParams.flatMap((layer, i) =>
      Object.keys(layer.params).map((key) => ({
        name: options.plainNames === true && withParams.length === 1 ? key : `${key}${i + 1}`,
        layer,
        key,
      })),
    );
    // The same tensors: in-place updates reach the layers.
    for (const e of this.#entries) this.params[e.name] = e.layer.params[e.key];
  }

  predict(x: Tensor, train = false, options: CallOptions = {}): Tensor {
    let out = asDType(x, this.config.dtype);
    for (const layer of this.layers) out = layer.forward(out, train);
    return options.reuse === true ? out : clone(out);
  }

  loss(x: Tensor, t: Labels, train = false): number {
    return this.lossFromScores(this.predict(x, train, { reuse: true }), t);
  }

  lossFromScores(scores: Tensor, t: Labels): number {
    return this.lastLayer.forward(scores, t) + this.#decay();
  }

  accuracy(x: Tensor, t: Labels): number {
    const scores = this.predict(x, false, { reuse: true });
    const rows = scores.ndim === 1 ? scores.reshape([1, scores.size]) : scores;
    return accuracyOf(rows, t, this.#accuracy, `${this.constructor.name}.accuracy`);
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

  gradient(x: Tensor, t: Labels, options: CallOptions = {}): { loss: number; grads: Params } {
    const loss = this.loss(x, t, true);
    let d = this.lastLayer.backward(1);
    for (let i = this.layers.length - 1; i > 0; i--) d = this.layers[i].backward(d);
    // x is data: the first layer's dx (dout·W1ᵀ, a third of the FLOPs of 784-50-10) is not needed.
    const first = this.layers[0] as (Layer & Partial<ParamsBackward>) | undefined;
    if (first?.backwardParams !== undefined) first.backwardParams(d);
    else first?.backward(d);
    const lambda = this.config.weightDecay;
    for (const { name, layer, key } of this.#entries) {
      const g = layer.grads[key];
      // ∂(½λ‖W‖²)/∂W = λW, added in place to the layer's dW buffer (biases are not decayed).
      if (lambda > 0 && key === 'W') axpyInPlace(g, lambda, layer.params[key]);
      this.#grads[name] = g;
    }
    return { loss, grads: options.reuse === true ? this.#grads : cloneParams(this.#grads) };
  }

  /** ½λ Σₗ ‖Wₗ‖², with a reused buffer per weight for the squares. */
  #decay(): number {
    const lambda = this.config.weightDecay;
    if (lambda === 0) return 0;
    let total = 0;
    this.#entries.forEach(({ layer, key }, i) => {
      if (key !== 'W') return;
      const W = layer.params[key];
      const sq = square(W, reuse(this.#squares[i], W.shape, W.dtype));
      this.#squares[i] = sq;
      total += sum(sq);
    });
    return 0.5 * lambda * total;
  }
}

/** A layer that can compute its parameter gradients without dx (Affine, MatMul). */
interface ParamsBackward {
  backwardParams(dout: Tensor): void;
}
