import { relu } from '../functions/activations.js';
import { reluBackward } from '../tensor/ops/activation-backward.js';
import type { Tensor } from '../tensor/tensor.js';
import { checkDout, noParams, outputBuffer, required, type Layer } from './layer.js';

/**
 * ReLU layer: out = max(0, x);  dx = dout where x > 0, else 0.
 * The subgradient at x = 0 is 0, as the book's mask x <= 0 gives (its relu_grad says 1 at 0;
 * gradlab uses 0 everywhere). Backward reads its own cached output (out > 0 exactly where x > 0)
 * and writes a new buffer: unlike the book, it never zeroes dout in place.
 * Shapes: any → same. Book: Relu (ch05 §5.5.1, common/layers.py).
 * @example
 * const layer = new Relu();
 * layer.forward(tensor([[-1, 2]])).toArray(); // → [[0, 2]]
 * layer.backward(tensor([[5, 5]])).toArray(); // → [[0, 5]]
 */
export class Relu implements Layer {
  readonly params = noParams;
  readonly grads = noParams;
  /** Off: forward and backward return new tensors; a network turns it on for its layers. */
  reuseBuffers = false;
  #out?: Tensor;
  #dx?: Tensor;

  forward(x: Tensor): Tensor {
    this.#out = relu(x, outputBuffer(this, this.#out, x.shape, x.dtype));
    return this.#out;
  }

  backward(dout: Tensor): Tensor {
    const out = required(this.#out, 'Relu');
    checkDout('Relu', dout, out.shape, out.dtype);
    this.#dx = reluBackward(dout, out, outputBuffer(this, this.#dx, out.shape, out.dtype));
    return this.#dx;
  }
}
