import { sigmoid } from '../functions/activations.js';
import { sigmoidBackward } from '../tensor/ops/activation-backward.js';
import type { Tensor } from '../tensor/tensor.js';
import { checkDout, noParams, outputBuffer, required, type Layer } from './layer.js';

/**
 * Sigmoid layer: out = σ(x) = 1 / (1 + e⁻ˣ);  dx = dout·out·(1 − out).
 * The derivative is written with the output, so forward caches only `out`.
 * Shapes: any → same. Book: Sigmoid (ch05 §5.5.2, common/layers.py).
 * @example
 * const layer = new Sigmoid();
 * layer.forward(tensor([0])).toArray(); // → [0.5]
 * layer.backward(tensor([1])).toArray(); // → [0.25]
 */
export class Sigmoid implements Layer {
  readonly params = noParams;
  readonly grads = noParams;
  /** Off: forward and backward return new tensors; a network turns it on for its layers. */
  reuseBuffers = false;
  #out?: Tensor;
  #dx?: Tensor;

  forward(x: Tensor): Tensor {
    this.#out = sigmoid(x, outputBuffer(this, this.#out, x.shape, x.dtype));
    return this.#out;
  }

  backward(dout: Tensor): Tensor {
    const out = required(this.#out, 'Sigmoid');
    checkDout('Sigmoid', dout, out.shape, out.dtype);
    this.#dx = sigmoidBackward(dout, out, outputBuffer(this, this.#dx, out.shape, out.dtype));
    return this.#dx;
  }
}
