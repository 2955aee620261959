import { fromArray } from '../tensor/creation.js';
import { Tensor } from '../tensor/tensor.js';
import { required, type Labels, type LossLayer } from './layer.js';
import { LayerError } from './layer-error.js';

/**
 * What LossAdapter needs of a loss class: a reduction, forward(input, target) and backward(dout).
 * Every PyTorch-style loss of gradlab (MSELoss, CrossEntropyLoss, …, GaussianNLLLoss excepted:
 * it takes a variance too) has this shape.
 */
export interface ReducibleLoss<T> {
  readonly reduction: string;
  forward(input: Tensor, target: T): number | Tensor;
  backward(dout?: number): Tensor;
}

/**
 * A PyTorch-style loss used as a network's last layer (one loss contract for SoftmaxWithLoss and
 * the 13 PyTorch losses): forward(x, t) returns the reduced loss, backward(dout = 1) returns
 * ∂(dout·L)/∂x. The loss must reduce ('mean', 'sum' or KLDivLoss's 'batchmean'), since a last
 * layer returns a number. Targets are passed on as given, except two conveniences: an Int32Array
 * becomes a float64 tensor, and a tensor target with as many numbers as x but another shape,
 * such as (N) for an output (N, 1), is read in x's shape.
 * Shapes: x (N, …) → L a number, dx like x; t as the loss expects.
 * Book: the role of SoftmaxWithLoss (ch05 §5.6.3) in TwoLayerNet, for any loss.
 * @example
 * const last = new LossAdapter(new MSELoss());
 * last.forward(tensor([[1], [2]]), tensor([1, 4]));  // 2 (= (0² + 2²) / 2)
 * last.backward().toArray(); // → [[0], [-2]]
 */
export class LossAdapter<T> implements LossLayer {
  #ran = false;

  constructor(readonly loss: ReducibleLoss<T>) {
    if (loss.reduction === 'none') {
      throw new LayerError(
        `LossAdapter: a last layer must return a number: expected reduction 'mean' or 'sum', got 'none'`,
      );
    }
  }

  forward(x: Tensor, t: Labels): number {
    const value = this.loss.forward(x, adaptTarget(x, t) as T);
    this.#ran = true;
    return value as number;
  }

  backward(dout = 1): Tensor {
    required(this.#ran || undefined, `LossAdapter(${this.loss.constructor.name})`);
    return this.loss.backward(dout);
  }
}

/** Int32Array labels as a float tensor; a same-size tensor of another shape in x's shape. */
function adaptTarget(x: Tensor, t: Labels): Labels {
  if (t instanceof Int32Array) {
    return fromArray(t, t.length === x.size ? x.shape : [t.length], { dtype: 'float64' });
  }
  if (t instanceof Tensor && t.size === x.size && t.ndim !== x.ndim) return t.reshape(x.shape);
  return t;
}
