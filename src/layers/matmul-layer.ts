import { matmul } from '../tensor/ops/matmul.js';
import { fmtShape, type Tensor } from '../tensor/tensor.js';
import { checkDout, outputBuffer, required, type Layer } from './layer.js';
import { LayerError } from './layer-error.js';

/**
 * A weight matrix without a bias: out = x·W (SimpleNet's only layer).
 * Backward: dx = dout·Wᵀ, dW = xᵀ·dout. One sample may be 1-D: x (D) gives out (C).
 * W is shared by reference with the model's params. backwardParams is backward without dx.
 * Shapes: x (N, D) or (D), W (D, C) → out (N, C) or (C).
 * Book: the x·W of simpleNet.predict (ch04 §4.4.2).
 * @example
 * const layer = new MatMul(tensor([[1, 2], [3, 4]]));
 * layer.forward(tensor([1, 1])).toArray();     // [4, 6]
 * layer.backward(tensor([1, 0])).toArray();    // [1, 3]
 */
export class MatMul implements Layer {
  readonly params: { readonly W: Tensor };
  /** Off: forward and backward return new tensors; a network turns it on for its layers. */
  reuseBuffers = false;
  readonly #grads: Record<string, Tensor> = {};
  #x?: Tensor; // (N, D)
  #single = false;
  #out?: Tensor;
  #dx?: Tensor;

  constructor(readonly W: Tensor) {
    if (W.ndim !== 2)
      throw new LayerError(`MatMul: W must be 2-D (D, C), got shape ${fmtShape(W.shape)}`);
    this.params = { W };
  }

  /** dW after backward. */
  get grads(): Readonly<Record<string, Tensor>> {
    return this.#grads;
  }

  forward(x: Tensor): Tensor {
    const [d, c] = this.W.shape;
    if (x.ndim < 1 || x.ndim > 2 || x.shape[x.ndim - 1] !== d || x.dtype !== this.W.dtype) {
      throw new LayerError(
        `MatMul.forward: x must be ${this.W.dtype} (N, ${d}) or (${d}), got ${x.dtype} ${fmtShape(x.shape)}`,
      );
    }
    this.#single = x.ndim === 1;
    const x2 = this.#single ? x.reshape([1, d]) : x;
    this.#x = x2;
    this.#out = matmul(x2, this.W, {
      out: outputBuffer(this, this.#out, [x2.shape[0], c], this.W.dtype),
    });
    return this.#single ? this.#out.reshape([c]) : this.#out;
  }

  backward(dout: Tensor): Tensor {
    const d2 = this.#rows(dout);
    this.backwardParams(dout);
    const x = this.#x as Tensor;
    this.#dx = matmul(d2, this.W, {
      transB: true,
      out: outputBuffer(this, this.#dx, x.shape, this.W.dtype),
    });
    return this.#single ? this.#dx.reshape([this.W.shape[0]]) : this.#dx;
  }

  /** dW = xᵀ·dout into `grads`, without dx (for a first layer, whose input is data). */
  backwardParams(dout: Tensor): void {
    const x = required(this.#x, 'MatMul');
    const d2 = this.#rows(dout);
    checkDout('MatMul', d2, [x.shape[0], this.W.shape[1]], this.W.dtype);
    this.#grads.W = matmul(x, d2, {
      transA: true,
      out: outputBuffer(this, this.#grads.W, this.W.shape, this.W.dtype),
    });
  }

  #rows(dout: Tensor): Tensor {
    return this.#single && dout.ndim === 1 ? dout.reshape([1, dout.shape[0]]) : dout;
  }
}
