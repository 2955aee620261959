import { reuse } from '../tensor/ops/check.js';
import { maximum, minimum, mul, sub } from '../tensor/ops/elementwise.js';
import { axpyInPlace } from '../tensor/ops/inplace.js';
import { reluBackward } from '../tensor/ops/activation-backward.js';
import type { Tensor } from '../tensor/tensor.js';
import { checkDout, noParams, outputBuffer, required, type Layer } from './layer.js';
import { LayerError } from './layer-error.js';

/** PyTorch's default negative slope of nn.LeakyReLU. */
export const LEAKY_RELU_SLOPE = 0.01;

/** Options of {@link LeakyRelu}. */
export interface LeakyReluOptions {
  /** α, the slope for x ≤ 0: a finite number ≥ 0 (default 0.01, PyTorch's negative_slope). */
  slope?: number;
}

/**
 * Leaky ReLU layer: out = x if x > 0 else α·x;  dx = dout where x > 0, else α·dout.
 * At x = 0 the slope is α, as PyTorch's (x > 0 ? 1 : α). α ≥ 0 keeps out > 0 exactly where
 * x > 0, so backward reads the cached output as Relu does. Forward is max(x, α·x) (min for α > 1);
 * backward is reluBackward plus α times the rest, all on existing ops.
 * Shapes: any → same. Book: not in the book (a ReLU that never goes fully silent); PyTorch nn.LeakyReLU.
 * @example
 * const layer = new LeakyRelu({ slope: 0.1 });
 * layer.forward(tensor([-2, 3])).toArray(); // → [-0.2, 3]
 * layer.backward(tensor([1, 1])).toArray(); // → [0.1, 1]
 */
export class LeakyRelu implements Layer {
  readonly params = noParams;
  readonly grads = noParams;
  /** Off: forward and backward return new tensors; a network turns it on for its layers. */
  reuseBuffers = false;
  readonly slope: number;
  #out?: Tensor;
  #scratch?: Tensor;
  #dx?: Tensor;

  constructor(options: LeakyReluOptions = {}) {
    const slope = options.slope ?? LEAKY_RELU_SLOPE;
    if (typeof slope !== 'number' || !(Number.isFinite(slope) && slope >= 0)) {
      throw new LayerError(`LeakyRelu: slope must be a finite number ≥ 0, got ${String(slope)}`);
    }
    this.slope = slope;
  }

  forward(x: Tensor): Tensor {
    const out = mul(x, this.slope, outputBuffer(this, this.#out, x.shape, x.dtype));
    this.#out = this.slope <= 1 ? maximum(x, out, out) : minimum(x, out, out);
    return this.#out;
  }

  backward(dout: Tensor): Tensor {
    const out = required(this.#out, 'LeakyRelu');
    checkDout('LeakyRelu', dout, out.shape, out.dtype);
    const dx = reluBackward(dout, out, outputBuffer(this, this.#dx, out.shape, out.dtype));
    this.#scratch = sub(dout, dx, reuse(this.#scratch, out.shape, out.dtype));
    this.#dx = axpyInPlace(dx, this.slope, this.#scratch);
    return this.#dx;
  }
}
