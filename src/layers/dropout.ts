import { fillInPlace, copyInto } from '../tensor/ops/inplace.js';
import { mul } from '../tensor/ops/elementwise.js';
import { reuse } from '../tensor/ops/check.js';
import type { Rng } from '../tensor/rng.js';
import type { Tensor } from '../tensor/tensor.js';
import { checkDout, noParams, outputBuffer, required, type Layer } from './layer.js';
import { LayerError } from './layer-error.js';

/**
 * Dropout, inverted: while training each unit is kept with probability 1 − r and scaled by
 * 1/(1 − r), so at inference the layer is the identity.
 *   train: out = x ⊙ m,  mᵢ = 1/(1 − r) with probability 1 − r, else 0;  dx = dout ⊙ m.
 *   inference: out = x;  dx = dout.
 * The expected training output E[out] = x equals the inference output. The book's Dropout is
 * the non-inverted form (keep-mask of 1s in training, x·(1 − r) at inference): the same
 * expectation, with the scaling moved to inference. gradlab scales during training so that
 * inference does no work and networks saved with or without dropout predict alike.
 * Masks come from the seeded `rng`. `maskFrozen` reuses the last mask instead of drawing a new
 * one (for gradient checks: the numerical gradient must see the mask backward saw).
 * `train` defaults to false, as in the networks' predict (the book's layer defaults to True).
 * Shapes: any → same. Book: Dropout (ch06 §6.4.3, common/layers.py).
 * @example
 * const drop = new Dropout(0.5, createRng(0));
 * drop.forward(tensor([1, 1, 1, 1]), true).toArray();  // e.g. [2, 0, 2, 2]: kept units doubled
 * drop.forward(tensor([1, 1, 1, 1])).toArray(); // → [1, 1, 1, 1]
 */
export class Dropout implements Layer {
  readonly params = noParams;
  readonly grads = noParams;
  /** Off: forward and backward return new tensors; a network turns it on for its layers. */
  reuseBuffers = false;
  /** When true, a training forward reuses the current mask (if its shape fits) instead of drawing one. */
  maskFrozen = false;
  readonly #rng: Rng;
  #mask?: Tensor;
  #out?: Tensor;
  #dx?: Tensor;
  #trained?: boolean; // whether the last forward applied the mask
  #x?: Tensor; // the last input: dout must have its shape and dtype

  constructor(
    readonly ratio: number,
    rng: Rng,
  ) {
    if (typeof ratio !== 'number' || !(ratio >= 0 && ratio < 1)) {
      throw new LayerError(`Dropout: ratio must be a number in [0, 1), got ${String(ratio)}`);
    }
    if (typeof rng?.next !== 'function') {
      throw new LayerError(
        `Dropout: rng must be a generator from createRng(seed), got ${String(rng)}`,
      );
    }
    this.#rng = rng;
  }

  /** The mask of the last training forward (0 or 1/(1 − r) per unit), or undefined before it. */
  get mask(): Tensor | undefined {
    return this.#mask;
  }

  forward(x: Tensor, train = false): Tensor {
    this.#trained = train;
    this.#x = x;
    if (!train) return x;
    const mask = reuse(this.#mask, x.shape, x.dtype);
    if (!(this.maskFrozen && mask === this.#mask)) this.#draw(mask);
    this.#mask = mask;
    this.#out = mul(x, mask, outputBuffer(this, this.#out, x.shape, x.dtype));
    return this.#out;
  }

  backward(dout: Tensor): Tensor {
    const x = required(this.#x, 'Dropout');
    checkDout('Dropout', dout, x.shape, x.dtype);
    const dx = outputBuffer(this, this.#dx, dout.shape, dout.dtype);
    this.#dx = this.#trained ? mul(dout, required(this.#mask, 'Dropout'), dx) : copyInto(dout, dx);
    return this.#dx;
  }

  #draw(mask: Tensor): void {
    const scale = 1 / (1 - this.ratio);
    if (this.ratio === 0) {
      fillInPlace(mask, 1);
      return;
    }
    const m = mask.data;
    for (let i = 0; i < m.length; i++) m[i] = this.#rng.next() >= this.ratio ? scale : 0;
  }
}
