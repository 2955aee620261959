import { outFor } from '../tensor/ops/check.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * The gradient of a scalar function of a tensor by central differences, element by element:
 *   ∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h.
 * Each element of x is perturbed in place and restored, so `f` may ignore its argument and read
 * x through a closure (the book's `lambda W: net.loss(x, t)`). Costs 2·size evaluations of f,
 * which may allocate tensors (x's view is read again after each one).
 * In float32 the perturbed value is rounded to float32, so pick a larger h there (1e-2).
 * Shapes: x any → gradient of the same shape and dtype (written into `out` when given).
 * Book: numerical_gradient (ch04 §4.4, common/gradient.py).
 * @example numericalGradient((x) => x.data[0] ** 2 + x.data[1] ** 2, tensor([3, 4])).toArray()  // ≈ [6, 8]
 */
export function numericalGradient(
  f: (x: Tensor) => number,
  x: Tensor,
  h = 1e-4,
  out?: Tensor,
): Tensor {
  if (!(Number.isFinite(h) && h > 0)) {
    throw new RangeError(`numericalGradient: h must be a finite number > 0, got ${String(h)}`);
  }
  const grad = outFor('numericalGradient', out, x.shape, x.dtype);
  for (let i = 0; i < x.size; i++) {
    // x.data again after each f: f may allocate, and a WASM backend's memory growth detaches
    // the old view (a write through it would be lost, and the restore with it).
    const tmp = x.data[i];
    x.data[i] = tmp + h;
    const fxh1 = f(x);
    x.data[i] = tmp - h;
    const fxh2 = f(x);
    grad.data[i] = (fxh1 - fxh2) / (2 * h);
    x.data[i] = tmp; // restore the value
  }
  return grad;
}
