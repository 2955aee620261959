import { reuse } from '../tensor/ops/check.js';
import { mul, sub } from '../tensor/ops/elementwise.js';
import { tanh } from '../tensor/ops/unary.js';
import type { Tensor } from '../tensor/tensor.js';
import { checkDout, noParams, outputBuffer, required, type Layer } from './layer.js';

/**
 * Tanh layer: out = tanh x = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ);  dx = dout·(1 − out²).
 * Like Sigmoid, the derivative is written with the output, so forward caches only `out`;
 * tanh x = 2σ(2x) − 1 is the sigmoid rescaled to (−1, 1) and centred at 0.
 * Backward is dout − (dout·out)·out on the elementwise ops (three kernels, no tanh-specific one).
 * Shapes: any → same. Book: tanh as an activation (ch03 §3.2, np.tanh).
 * @example
 * const layer = new Tanh();
 * layer.forward(tensor([0])).toArray(); // → [0]
 * layer.backward(tensor([2])).toArray(); // → [2]
 */
export class Tanh implements Layer {
  readonly params = noParams;
  readonly grads = noParams;
  /** Off: forward and backward return new tensors; a network turns it on for its layers. */
  reuseBuffers = false;
  #out?: Tensor;
  #scratch?: Tensor;
  #dx?: Tensor;

  forward(x: Tensor): Tensor {
    this.#out = tanh(x, outputBuffer(this, this.#out, x.shape, x.dtype));
    return this.#out;
  }

  backward(dout: Tensor): Tensor {
    const out = required(this.#out, 'Tanh');
    checkDout('Tanh', dout, out.shape, out.dtype);
    const s = mul(dout, out, reuse(this.#scratch, out.shape, out.dtype));
    this.#scratch = mul(s, out, s);
    this.#dx = sub(dout, s, outputBuffer(this, this.#dx, out.shape, out.dtype));
    return this.#dx;
  }
}
