import type { ClassTarget } from '../losses/labels.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * A layer of the book's chapter 5: forward caches what backward needs, backward returns ∂L/∂x.
 * Layers with parameters expose them by name in `params` (shared by reference with the model:
 * optimizers update them in place) and their gradients under the same names in `grads` after
 * backward. `backward` never writes into `dout`. Buffers are reused between steps when shapes
 * do not change, so a returned tensor is valid until the layer's next call.
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
}

/**
 * Class labels, the same type as the losses' ClassTarget: indices (N) as an Int32Array (the
 * allocation-free training path), a plain array or a 1-D tensor, or one-hot rows (N, C).
 * They are normalised and checked in one place, toClassIndices (losses/labels.ts).
 * @example net.loss(x, new Int32Array([3, 1]));  // or [3, 1], or one-hot rows
 */
export type Labels = ClassTarget;

/**
 * A loss layer (the last layer of a network): forward returns the scalar loss, backward ∂L/∂x.
 * Book: SoftmaxWithLoss (ch05).
 */
export interface LossLayer {
  forward(x: Tensor, t: Labels): number;
  backward(dout?: number): Tensor;
}

/** Throws the standard error for backward before forward. */
export function required<T>(value: T | undefined, layer: string): T {
  if (value === undefined) throw new Error(`${layer}.backward called before forward`);
  return value;
}

/** The params and grads of a layer without parameters (ReLU, Sigmoid, Dropout): one frozen empty record. */
export const noParams: Readonly<Record<string, Tensor>> = Object.freeze({});
