import { linear } from '../graph/linear.js';
import { relu } from '../graph/relu.js';
import { sigmoid } from '../graph/sigmoid.js';
import { softmaxCrossEntropy } from '../graph/softmax-cross-entropy.js';
import { Variable } from '../graph/variable.js';
import { noGrad } from '../graph/config.js';
import type { Labels } from '../layers/layer.js';
import type { Tensor } from '../tensor/tensor.js';
import { accuracyOf, type AccuracyBuffers } from './network-helpers.js';
import type { Params } from './network.js';

/** The four parameters of a two-layer net as Variables. */
export interface VariableTwoLayerParams {
  readonly W1: Variable;
  readonly b1: Variable;
  readonly W2: Variable;
  readonly b2: Variable;
}

/**
 * The book's two-layer classifier written with Variables instead of layers, the way a user of
 * the graph would write it:
 *   L = softmaxCrossEntropy(linear(act(linear(x, W1, b1)), W2, b2), t),
 * and backward() gives every parameter's gradient. Built from the tensors of a TwoLayerNet (or
 * any W1, b1, W2, b2), which it shares: an update of one is an update of the other. It computes
 * the same loss and gradients as TwoLayerNet.gradient (tests compare them on MNIST batches).
 * Shapes: x (N, D), t (N) or (N, C) → scores (N, C). Book: TwoLayerNet (ch05 §5.7); DeZero's MLP.
 * @example
 * const net = new VariableTwoLayerNet(new TwoLayerNet(784, 50, 10).params);
 * const { loss, grads } = net.gradient(xBatch, tBatch); // grads.W1 … as TwoLayerNet.gradient's (not run: needs a batch)
 */
export class VariableTwoLayerNet {
  readonly params: VariableTwoLayerParams;
  readonly #accuracy: AccuracyBuffers = {};

  constructor(
    weights: Readonly<Record<'W1' | 'b1' | 'W2' | 'b2', Tensor>>,
    readonly activation: 'relu' | 'sigmoid' = 'relu',
  ) {
    const v = (k: keyof typeof weights) => new Variable(weights[k], { name: k });
    this.params = { W1: v('W1'), b1: v('b1'), W2: v('W2'), b2: v('b2') };
  }

  /** The scores before softmax, as a Variable (recorded unless under noGrad). */
  predict(x: Tensor | Variable): Variable {
    const { W1, b1, W2, b2 } = this.params;
    const xv = x instanceof Variable ? x : new Variable(x, { name: 'x', requiresGrad: false });
    const a1 = linear(xv, W1, b1);
    const z1 = this.activation === 'relu' ? relu(a1) : sigmoid(a1);
    return linear(z1, W2, b2);
  }

  /** The loss node L = softmaxCrossEntropy(predict(x), t), a 0-d Variable. */
  loss(x: Tensor | Variable, t: Labels): Variable {
    return softmaxCrossEntropy(this.predict(x), t);
  }

  /** The fraction of rows whose argmax score is the label, evaluated without recording. */
  accuracy(x: Tensor, t: Labels): number {
    const scores = noGrad(() => this.predict(x)).data;
    return accuracyOf(scores, t, this.#accuracy, 'VariableTwoLayerNet.accuracy');
  }

  /** One forward and one backward: the loss and ∂L/∂W1, b1, W2, b2 (fresh tensors each call). */
  gradient(x: Tensor, t: Labels): { loss: number; grads: Params } {
    const p = this.params;
    for (const v of [p.W1, p.b1, p.W2, p.b2]) v.clearGrad();
    const loss = this.loss(x, t);
    loss.backward();
    const g = (v: Variable): Tensor => (v.grad as Variable).data;
    return { loss: loss.item(), grads: { W1: g(p.W1), b1: g(p.b1), W2: g(p.W2), b2: g(p.b2) } };
  }
}
