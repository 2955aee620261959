import { required, type Labels } from '../layers/layer.js';
import { SoftmaxWithLoss } from '../layers/softmax-with-loss.js';
import { randn } from '../tensor/creation.js';
import { reuse } from '../tensor/ops/check.js';
import { matmul } from '../tensor/ops/matmul.js';
import type { Rng } from '../tensor/rng.js';
import { fmtShape, Tensor } from '../tensor/tensor.js';
import {
  accuracyOf,
  asDType,
  numericalGradients,
  type AccuracyBuffers,
} from './network-helpers.js';
import { checkNetworkConfig } from './check-network-config.js';
import { ModelError } from './model-error.js';
import type { Network, NetworkConfig, Params } from './network.js';

/**
 * The book's smallest network: one weight matrix, no bias, no hidden layer.
 *   scores = x·W,  L = −(1/N) Σₙ log(softmax(scores)[n, tₙ] + 1e-7)  (the book's cross_entropy_error).
 * Built from a given W (the book's fixed example) or drawn from N(0, 1) as the book's randn(2, 3).
 * A single sample may be 1-D: x (D) gives scores (C).
 * Shapes: x (N, D) or (D), W (D, C) → scores (N, C) or (C). Book: simpleNet (ch04 §4.4.2, gradient_simplenet.py).
 * @example
 * const net = new SimpleNet(tensor([[0.47355232, 0.9977393, 0.84668094], [0.85557411, 0.03563661, 0.69422093]]));
 * net.predict(tensor([0.6, 0.9])).toArray();   // [1.054148091, 0.630716529, 1.132807401]
 * net.loss(tensor([0.6, 0.9]), [0, 0, 1]);     // 0.9280682857864075
 */
export class SimpleNet implements Network {
  readonly W: Tensor;
  readonly params: Params;
  readonly config: NetworkConfig;
  readonly lastLayer = new SoftmaxWithLoss();
  readonly #grads: Params = {};
  readonly #accuracy: AccuracyBuffers = {};
  #scores?: Tensor;
  #x?: Tensor;

  /** W (D, C) itself (shared, not copied), or an Rng to draw a 2×3 W from N(0, 1). */
  constructor(init: Tensor | Rng) {
    const W = init instanceof Tensor ? init : randn([2, 3], init);
    if (W.ndim !== 2)
      throw new ModelError(`SimpleNet: W must be 2-D (D, C), got shape ${fmtShape(W.shape)}`);
    this.W = W;
    this.params = { W };
    const [inputSize, outputSize] = W.shape;
    this.config = checkNetworkConfig(
      {
        kind: 'simple',
        inputSize,
        hiddenSizes: [],
        outputSize,
        activation: 'relu',
        weightDecay: 0,
        dropout: 0,
        dtype: W.dtype,
      },
      'SimpleNet',
    );
  }

  predict(x: Tensor): Tensor {
    const [d, c] = this.W.shape;
    const input = asDType(x, this.W.dtype);
    if (input.ndim < 1 || input.ndim > 2 || input.shape[input.ndim - 1] !== d) {
      throw new ModelError(
        `SimpleNet.predict: x must be (N, ${d}) or (${d}), got ${fmtShape(x.shape)}`,
      );
    }
    const x2 = input.ndim === 1 ? input.reshape([1, d]) : input;
    this.#x = x2;
    this.#scores = matmul(x2, this.W, { out: reuse(this.#scores, [x2.shape[0], c], this.W.dtype) });
    return input.ndim === 1 ? this.#scores.reshape([c]) : this.#scores;
  }

  loss(x: Tensor, t: Labels): number {
    return this.lastLayer.forward(this.predict(x), t);
  }

  accuracy(x: Tensor, t: Labels): number {
    const scores = this.predict(x);
    return accuracyOf(
      scores.ndim === 1 ? scores.reshape([1, scores.size]) : scores,
      t,
      this.#accuracy,
      'SimpleNet.accuracy',
    );
  }

  numericalGradient(x: Tensor, t: Labels): Params {
    return numericalGradients(() => this.loss(x, t), this.params);
  }

  /** Backpropagation: dW = xᵀ·∂L/∂scores. */
  gradient(x: Tensor, t: Labels): { loss: number; grads: Params } {
    const loss = this.loss(x, t);
    const x2 = required(this.#x, 'SimpleNet');
    const dScores = this.lastLayer.backward(1);
    const dy = dScores.ndim === 1 ? dScores.reshape([1, dScores.size]) : dScores;
    this.#grads.W = matmul(x2, dy, {
      transA: true,
      out: reuse(this.#grads.W, this.W.shape, this.W.dtype),
    });
    return { loss, grads: this.#grads };
  }
}
