import type { LossLayer } from '../layers/layer.js';
import { MatMul } from '../layers/matmul-layer.js';
import { SoftmaxWithLoss } from '../layers/softmax-with-loss.js';
import { randn } from '../tensor/creation.js';
import type { Rng } from '../tensor/rng.js';
import { fmtShape, Tensor } from '../tensor/tensor.js';
import { checkNetworkConfig } from './check-network-config.js';
import { LayeredNet } from './layered-net.js';
import { ModelError } from './model-error.js';
import type { CallOptions } from './network.js';

/** The config of a SimpleNet with W (D, C), checked like every network's. */
function simpleConfig(W: Tensor): LayeredNet['config'] {
  return checkNetworkConfig(
    {
      kind: 'simple',
      inputSize: W.shape[0],
      hiddenSizes: [],
      outputSize: W.shape[1],
      activation: 'relu',
      weightDecay: 0,
      dropout: 0,
      dtype: W.dtype,
    },
    'SimpleNet',
  );
}

/**
 * The book's smallest network: one weight matrix, no bias, no hidden layer.
 *   scores = x·W,  L = −(1/N) Σₙ log(softmax(scores)[n, tₙ] + 1e-7)  (the book's cross_entropy_error).
 * Built from a given W (the book's fixed example) or drawn from N(0, 1) as the book's randn(2, 3).
 * A LayeredNet of one MatMul layer, so it ends in any loss layer too (default SoftmaxWithLoss);
 * its one parameter keeps the book's name W. A single sample may be 1-D: x (D) gives scores (C).
 * Shapes: x (N, D) or (D), W (D, C) → scores (N, C) or (C). Book: simpleNet (ch04 §4.4.2, gradient_simplenet.py).
 * @example
 * const net = new SimpleNet(tensor([[0.47355232, 0.9977393, 0.84668094], [0.85557411, 0.03563661, 0.69422093]]));
 * net.predict(tensor([0.6, 0.9])).toArray(); // → [1.054148091, 0.630716529, 1.132807401]
 * net.loss(tensor([0.6, 0.9]), [0, 0, 1]); // → 0.9280682857864075
 */
export class SimpleNet extends LayeredNet {
  readonly W: Tensor;

  /** W (D, C) itself (shared, not copied), or an Rng to draw a 2×3 W from N(0, 1). */
  constructor(init: Tensor | Rng, lastLayer: LossLayer = new SoftmaxWithLoss()) {
    const W = init instanceof Tensor ? init : randn([2, 3], init);
    if (W.ndim !== 2)
      throw new ModelError(`SimpleNet: W must be 2-D (D, C), got shape ${fmtShape(W.shape)}`);
    super([new MatMul(W)], simpleConfig(W), lastLayer, { plainNames: true });
    this.W = W;
  }

  override predict(x: Tensor, train = false, options: CallOptions = {}): Tensor {
    const [d] = this.W.shape;
    if (x.ndim < 1 || x.ndim > 2 || x.shape[x.ndim - 1] !== d) {
      throw new ModelError(
        `SimpleNet.predict: x must be (N, ${d}) or (${d}), got ${fmtShape(x.shape)}`,
      );
    }
    return super.predict(x, train, options);
  }
}
