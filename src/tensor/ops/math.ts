import { outFor } from './check.js';
import type { Tensor } from '../tensor.js';

// Elementwise functions with no backend kernel (they are not on the training path): a JS loop
// over the storage's view, which every backend exposes. Shapes: any → same.

function mapOp(name: string, f: (v: number) => number): (x: Tensor, out?: Tensor) => Tensor {
  return (x, out) => {
    const o = outFor(name, out, x.shape, x.dtype);
    const src = x.data;
    const dst = o.data;
    for (let i = 0; i < src.length; i++) dst[i] = f(src[i]);
    return o;
  };
}

/** sin x elementwise. Book: np.sin. @example sin(tensor([0])).toArray()  // [0] */
export const sin = mapOp('sin', Math.sin);
/** cos x elementwise. Book: np.cos. @example cos(tensor([0])).toArray()  // [1] */
export const cos = mapOp('cos', Math.cos);

/**
 * xᶜ elementwise for a constant exponent c (NaN for a negative x and a non-integer c).
 * Shapes: any → same. Book: x ** c.
 * @example pow(tensor([2, 3]), 2).toArray()  // [4, 9]
 */
export function pow(x: Tensor, c: number, out?: Tensor): Tensor {
  if (c === 2) return mapOp('pow', (v) => v * v)(x, out);
  return mapOp('pow', (v) => v ** c)(x, out);
}
