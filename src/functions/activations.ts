import { clone, tensor } from '../tensor/creation.js';
import { softmaxRows } from '../tensor/ops/softmax-rows.js';
import { unaryKernel } from '../tensor/ops/unary.js';
import type { NestedArray, Tensor } from '../tensor/tensor.js';

const stepKernel = unaryKernel('step');
const sigmoidKernel = unaryKernel('sigmoid');
const reluKernel = unaryKernel('relu');

// Each function takes a Tensor (its dtype is kept) or nested arrays (read as float64, as NumPy
// does), and writes into `out` when given, so a layer can reuse its output buffer.

/**
 * Step function, elementwise: h(x) = 1 if x > 0 else 0. Its derivative is 0 almost everywhere,
 * which is why networks that learn by gradients cannot use it (docs/math.md §4).
 * Shapes: any → same. Book: step_function (ch03).
 * @example stepFunction([-1, 0, 2]).toArray(); // → [0, 0, 1]
 */
export function stepFunction(x: Tensor | NestedArray, out?: Tensor): Tensor {
  return stepKernel(tensor(x), out);
}

/**
 * Sigmoid, elementwise: σ(x) = 1 / (1 + e⁻ˣ), computed as eˣ/(1 + eˣ) for x < 0 so that exp
 * never overflows: σ(±1000) is exactly 1 or 0, never NaN. Its derivative σ(x)(1 − σ(x)) is never 0.
 * Shapes: any → same. Book: sigmoid (ch03).
 * @example sigmoid([-1, 0, 2]).toArray(); // → [0.2689414213699951, 0.5, 0.8807970779778823]
 */
export function sigmoid(x: Tensor | NestedArray, out?: Tensor): Tensor {
  return sigmoidKernel(tensor(x), out);
}

/**
 * ReLU, elementwise: relu(x) = max(0, x).
 * Shapes: any → same. Book: relu (ch03).
 * @example relu([-1, 2]).toArray(); // → [0, 2]
 */
export function relu(x: Tensor | NestedArray, out?: Tensor): Tensor {
  return reluKernel(tensor(x), out);
}

/**
 * Softmax over the last axis: yₖ = exp(aₖ − max a) / Σⱼ exp(aⱼ − max a). Rows of a 2-D input
 * are independent and each sums to 1. Subtracting the row max is exact algebra and keeps exp
 * from overflowing: logits of 1000 give no NaN.
 * Shapes: (C) or (N, C) → same. Book: softmax (ch03).
 * @example softmax([0.3, 2.9, 4.0]).toArray(); // → [0.01821127329554753, 0.2451918129350739, 0.7365969137693786]
 */
export function softmax(x: Tensor | NestedArray, out?: Tensor): Tensor {
  return softmaxRows(tensor(x), out);
}

/**
 * Identity: y = x, as a new tensor (never the input itself), the output function of regression.
 * Shapes: any → same. Book: identity_function (ch03).
 * @example identity([[1, 2]]).toArray(); // → [[1, 2]]
 */
export function identity(x: Tensor | NestedArray): Tensor {
  return clone(tensor(x));
}
