import { toClassIndices } from '../losses/labels.js';
import { rowsCols } from '../tensor/ops/check.js';
import {
  softmaxCrossEntropy,
  softmaxCrossEntropyBackward,
  softmaxRows,
} from '../tensor/ops/softmax-rows.js';
import type { Tensor } from '../tensor/tensor.js';
import { outputBuffer, required, type Labels, type LossLayer } from './layer.js';

/** The book's log guard in cross_entropy_error: log(y + δ) never sees log 0. */
const DELTA = 1e-7;

/** Options of SoftmaxWithLoss. */
export interface SoftmaxWithLossOptions {
  /**
   * δ in log(y + δ) (default 1e-7, the book's cross_entropy_error). 0 gives the loss whose
   * gradient is exactly (y − t)/N: the book's printed simpleNet loss 0.92806853663411326 and its dW.
   */
  delta?: number;
}

/**
 * Softmax followed by the cross-entropy error, fused (the last layer of a classifier):
 *   y = softmax(x) row-wise,  L = −(1/N) Σₙ log(y[n, tₙ] + δ),  δ = 1e-7;
 *   ∂L/∂x[n, ·] = dout · (y[n, ·] − onehot(tₙ)) / N · y[n, tₙ] / (y[n, tₙ] + δ).
 * The last factor is the derivative of the book's δ. The book's backward, (y − t)/N, drops it:
 * that is the exact gradient of the loss without δ, and it differs from the gradient of the loss
 * the book reports by δ/y_t relative (about 1e-6 for 10 near-uniform classes). Keeping it makes
 * backward the exact derivative of forward, so the chapter-5 gradient check reaches the 1e-10
 * level the book prints (its printed numbers were made without δ). Training is unaffected.
 * `dout` scales the gradient (the book ignores it). Labels: indices (N) or one-hot (N, C).
 * Shapes: x (N, C) logits or (C) for one sample; t (N) or (N, C) → L scalar, dx like x.
 * Book: SoftmaxWithLoss (ch05 §5.6.3, common/layers.py).
 * @example
 * const loss = new SoftmaxWithLoss();
 * loss.forward(tensor([[0, 0]]), [1]);     // 0.6931469805599654 = −log(0.5 + 1e-7)
 * loss.backward().toArray();               // [[0.4999999, −0.4999999]] (≈ (y − t)·0.5/(0.5 + 1e-7))
 * new SoftmaxWithLoss({ delta: 0 }).forward(tensor([[0, 0]]), [1]); // 0.6931471805599453 = log 2
 */
export class SoftmaxWithLoss implements LossLayer {
  readonly delta: number;
  #y?: Tensor;
  #labels?: Int32Array;
  #dx?: Tensor;
  #loss = Number.NaN;
  /** Off: forward and backward return new tensors; a network turns it on for its layers. */
  reuseBuffers = false;

  constructor(options: SoftmaxWithLossOptions = {}) {
    const delta = options.delta ?? DELTA;
    if (!(delta >= 0 && Number.isFinite(delta))) {
      throw new RangeError(
        `SoftmaxWithLoss: delta must be a finite number ≥ 0, got ${String(delta)}`,
      );
    }
    this.delta = delta;
  }

  /** The softmax output of the last forward (the book's self.y), or undefined before it. */
  get y(): Tensor | undefined {
    return this.#y;
  }

  /** The loss of the last forward (NaN before it). */
  get loss(): number {
    return this.#loss;
  }

  forward(x: Tensor, t: Labels): number {
    const [rows, cols] = rowsCols('SoftmaxWithLoss.forward', x);
    this.#labels = toClassIndices('SoftmaxWithLoss.forward', t, rows, cols, {
      arg: 't',
      out: this.#labels,
    });
    if (this.delta === DELTA) {
      // The fused kernel has the book's δ built in.
      const { loss, y } = softmaxCrossEntropy(
        x,
        this.#labels,
        outputBuffer(this, this.#y, x.shape, x.dtype),
      );
      this.#y = y;
      this.#loss = loss;
      return loss;
    }
    const y = softmaxRows(x, outputBuffer(this, this.#y, x.shape, x.dtype));
    let sum = 0;
    for (let r = 0; r < rows; r++)
      sum += Math.log(y.data[r * cols + this.#labels[r]!]! + this.delta);
    this.#y = y;
    this.#loss = -sum / rows;
    return this.#loss;
  }

  backward(dout = 1): Tensor {
    const y = required(this.#y, 'SoftmaxWithLoss');
    const labels = required(this.#labels, 'SoftmaxWithLoss');
    const dx = softmaxCrossEntropyBackward(
      y,
      labels,
      dout,
      outputBuffer(this, this.#dx, y.shape, y.dtype),
    );
    this.#dx = dx;
    // The δ factor per row; the kernel has no per-row scale, so it is applied here (N·C numbers).
    const [rows, cols] = rowsCols('SoftmaxWithLoss.backward', y);
    const yd = y.data;
    const dd = dx.data;
    for (let r = 0; r < rows; r++) {
      const yt = yd[r * cols + labels[r]];
      const factor = this.delta === 0 ? 1 : yt / (yt + this.delta);
      for (let c = r * cols; c < (r + 1) * cols; c++) dd[c] *= factor;
    }
    return dx;
  }
}
