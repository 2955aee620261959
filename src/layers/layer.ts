import type { ClassTarget } from '../losses/labels.js';
import { zeros } from '../tensor/creation.js';
import { reuse } from '../tensor/ops/check.js';
import { fmtShape, sameShape, type DType, type Tensor } from '../tensor/tensor.js';
import { LayerError } from './layer-error.js';

/**
 * A layer of the book's chapter 5: forward caches what backward needs, backward returns ∂L/∂x.
 * Layers with parameters expose them by name in `params` (shared by reference with the model:
 * optimizers update them in place) and their gradients under the same names in `grads` after
 * backward. `backward` never writes into `dout`. forward and backward return new tensors that
 * the caller owns, unless `reuseBuffers` is on: then they write into the buffers of the previous
 * call when shapes do not change, and a returned tensor is valid only until the layer's next call.
 * A network turns it on for its own layers (they are its internals), so its training step
 * allocates nothing; the network's public calls still return tensors the caller owns.
 * Shapes: each layer documents its own. Book: the layer classes of common/layers.py (ch05).
 * @example
 * let out = x;
 * for (const layer of layers) out = layer.forward(out, true);
 * let d = dout;
 * for (const layer of [...layers].reverse()) d = layer.backward(d); // not run: a sketch of the contract
 */
export interface Layer {
  /** y = f(x). `train` switches layers such as Dropout between training and inference. */
  forward(x: Tensor, train?: boolean): Tensor;
  /** dx = ∂L/∂x given dout = ∂L/∂y. Throws if forward has not run. */
  backward(dout: Tensor): Tensor;
  /** Trainable parameters by name (empty for parameter-free layers). */
  readonly params: Readonly<Record<string, Tensor>>;
  /** Gradients of the parameters after backward, by the same names. */
  readonly grads: Readonly<Record<string, Tensor>>;
  /** Write outputs and dx into the previous call's buffers (default off: new tensors each call). */
  reuseBuffers?: boolean;
}

/**
 * Class labels, the same type as the losses' ClassTarget: indices (N) as an Int32Array (the
 * allocation-free training path), a plain array or a 1-D tensor, or one-hot rows (N, C).
 * They are normalised and checked in one place, toClassIndices (losses/labels.ts).
 * @example net.loss(x, new Int32Array([3, 1])); // or [3, 1], or one-hot rows (not run: a sketch)
 */
export type Labels = ClassTarget;

/**
 * A loss layer (the last layer of a network): forward returns the scalar loss, backward(dout = 1)
 * returns ∂(dout·L)/∂x. Shapes: x (N, C), t (N) or (N, C) → L a number, dx like x.
 * Book: SoftmaxWithLoss (ch05).
 * @example
 * const loss = lossLayer.forward(scores, t);
 * const dScores = lossLayer.backward(); // not run: a sketch of the contract
 */
export interface LossLayer {
  forward(x: Tensor, t: Labels): number;
  backward(dout?: number): Tensor;
  /** As Layer's: backward writes dx into the previous call's buffer (default off). */
  reuseBuffers?: boolean;
}

/**
 * The tensor a layer writes an output or dx into: `previous` when the layer's `reuseBuffers` is on
 * and it has the shape and dtype, else a new tensor (which the caller of forward/backward owns).
 * Shapes: → `shape`.
 * @example
 * const owner = { reuseBuffers: true };
 * const first = outputBuffer(owner, undefined, [2], 'float64');
 * outputBuffer(owner, first, [2], 'float64') === first; // → true
 * outputBuffer({}, first, [2], 'float64') === first; // → false
 */
export function outputBuffer(
  layer: { readonly reuseBuffers?: boolean },
  previous: Tensor | undefined,
  shape: readonly number[],
  dtype: DType,
): Tensor {
  return layer.reuseBuffers === true ? reuse(previous, shape, dtype) : zeros(shape, { dtype });
}

/**
 * `value`, cached by forward, or the standard LayerError for backward before forward.
 * @example const x = required(this.#x, 'Affine'); // LayerError: Affine.backward called before forward (not run: inside a layer's backward)
 */
export function required<T>(value: T | undefined, layer: string): T {
  if (value === undefined) throw new LayerError(`${layer}.backward called before forward`);
  return value;
}

/**
 * Throws a LayerError unless dout has the shape and dtype of the output it is the gradient of.
 * Shapes: dout like out.
 * @example checkDout('Relu', zeros([3, 2]), [2, 3], 'float64'); // → throws LayerError: Relu.backward: dout must have the output's shape (2, 3) and dtype float64, got (3, 2) float64
 */
export function checkDout(
  layer: string,
  dout: Tensor,
  shape: readonly number[],
  dtype: string,
): void {
  if (!sameShape(dout.shape, shape) || dout.dtype !== dtype) {
    throw new LayerError(
      `${layer}.backward: dout must have the output's shape ${fmtShape(shape)} and dtype ${dtype}, got ${fmtShape(dout.shape)} ${dout.dtype}`,
    );
  }
}

/**
 * The params and grads of a layer without parameters (ReLU, Sigmoid, Dropout): one frozen empty record.
 * @example new Relu().params; // → {}
 */
export const noParams: Readonly<Record<string, Tensor>> = Object.freeze({});
