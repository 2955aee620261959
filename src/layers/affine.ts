import { matmul } from '../tensor/ops/matmul.js';
import { add } from '../tensor/ops/elementwise.js';
import { sumAxis0 } from '../tensor/ops/reduce.js';
import { fmtShape, sameShape, type Tensor } from '../tensor/tensor.js';
import { checkDout, outputBuffer, required, type Layer } from './layer.js';
import { LayerError } from './layer-error.js';

/**
 * Fully connected layer: out = x·W + b.
 * Backward: dx = dout·Wᵀ, dW = xᵀ·dout, db = Σₙ dout[n, ·].
 * An input with more than two dimensions, e.g. images (N, 1, 28, 28), is read as (N, D) with
 * D = 784, and dx comes back in the input's shape, as in the book.
 * W and b are shared by reference with the model's params (optimizers update them in place), so
 * the layer never rebinds them. With reuseBuffers on, output and gradient buffers are reused while shapes stay the same.
 * backwardParams is backward without dx, for a layer whose input is data (the first layer).
 * Shapes: x (N, D) or (N, …) with D numbers per row, W (D, M), b (M) → out (N, M).
 * Book: Affine (ch05 §5.6.2, common/layers.py).
 * @example
 * const affine = new Affine(tensor([[1, 2], [3, 4]]), tensor([10, 20]));
 * affine.forward(tensor([[1, 1]])).toArray(); // → [[14, 26]]
 * affine.backward(tensor([[1, 0]])).toArray(); // → [[1, 3]]
 * affine.grads.W.toArray(); // → [[1, 0], [1, 0]]
 */
export class Affine implements Layer {
  readonly params: { readonly W: Tensor; readonly b: Tensor };
  /** Off: forward and backward return new tensors; a network turns it on for its layers. */
  reuseBuffers = false;
  readonly #grads: Record<string, Tensor> = {};
  #x?: Tensor; // the input as (N, D): backward needs it for dW
  #xShape?: readonly number[];
  #out?: Tensor;
  #dx?: Tensor;
  #dxView?: Tensor;

  constructor(
    readonly W: Tensor,
    readonly b: Tensor,
  ) {
    if (W.ndim !== 2)
      throw new LayerError(`Affine: W must be 2-D (D, M), got shape ${fmtShape(W.shape)}`);
    if (b.ndim !== 1 || b.shape[0] !== W.shape[1]) {
      throw new LayerError(
        `Affine: b must have shape (${W.shape[1]},) to match W ${fmtShape(W.shape)}, got ${fmtShape(b.shape)}`,
      );
    }
    if (b.dtype !== W.dtype) throw new LayerError(`Affine: W is ${W.dtype} but b is ${b.dtype}`);
    this.params = { W, b };
  }

  /** dW and db after backward (reused from step to step when reuseBuffers is on). */
  get grads(): Readonly<Record<string, Tensor>> {
    return this.#grads;
  }

  forward(x: Tensor): Tensor {
    const [d, m] = this.W.shape;
    const n = x.ndim === 0 ? 0 : x.shape[0];
    if (x.ndim < 2 || x.size !== n * d) {
      throw new LayerError(
        `Affine.forward: x must be (N, ${d}) or (N, …) with ${d} numbers per row, got ${fmtShape(x.shape)}`,
      );
    }
    if (x.dtype !== this.W.dtype) {
      throw new LayerError(`Affine.forward: x must be ${this.W.dtype} like W, got ${x.dtype}`);
    }
    const x2 = x.ndim === 2 ? x : this.#flatView(x, n, d);
    this.#x = x2;
    this.#xShape = x.shape;
    this.#out = matmul(x2, this.W, { out: outputBuffer(this, this.#out, [n, m], this.W.dtype) });
    return add(this.#out, this.b, this.#out);
  }

  backward(dout: Tensor): Tensor {
    this.backwardParams(dout);
    const x = this.#x as Tensor; // set: backwardParams throws before forward
    const xShape = this.#xShape as readonly number[];
    const [d] = this.W.shape;
    const n = x.shape[0];
    const dtype = this.W.dtype;
    this.#dx = matmul(dout, this.W, {
      transB: true,
      out: outputBuffer(this, this.#dx, [n, d], dtype),
    });
    if (xShape.length === 2) return this.#dx;
    // dx back in the input's shape; the view is kept so the next step makes no new object.
    if (this.#dxView?.storage !== this.#dx.storage || !sameShape(this.#dxView.shape, xShape)) {
      this.#dxView = this.#dx.reshape(xShape);
    }
    return this.#dxView;
  }

  /**
   * The parameter half of backward: dW = xᵀ·dout and db = Σₙ dout[n, ·] into `grads`, without
   * dx = dout·Wᵀ. For a layer whose input needs no gradient, such as the first layer of a
   * network, whose x is the data: LayeredNet.gradient calls it there. For the book's 784-50-10
   * network at batch 100 the skipped product is 100×784×50, a third of the step's FLOPs.
   * dW and db are the numbers backward computes (backward calls this first).
   * Shapes: dout (N, M) → grads.W (D, M), grads.b (M).
   * @example
   * first.forward(x);
   * first.backwardParams(dh); // first.grads.W, first.grads.b; no dx (not run: a fragment of a network's backward)
   */
  backwardParams(dout: Tensor): void {
    const x = required(this.#x, 'Affine');
    const [d, m] = this.W.shape;
    const dtype = this.W.dtype;
    checkDout('Affine', dout, [x.shape[0], m], dtype);
    this.#grads.W = matmul(x, dout, {
      transA: true,
      out: outputBuffer(this, this.#grads.W, [d, m], dtype),
    });
    this.#grads.b = sumAxis0(dout, outputBuffer(this, this.#grads.b, [m], dtype));
  }

  #flatView(x: Tensor, n: number, d: number): Tensor {
    const cached = this.#x;
    return cached !== undefined && cached.storage === x.storage && cached.shape[0] === n
      ? cached
      : x.reshape([n, d]);
  }
}
