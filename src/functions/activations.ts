import { unaryKernel } from '../tensor/ops/unary.js';
import { softmaxRows } from '../tensor/ops/softmax-rows.js';
import { clone, tensor } from '../tensor/creation.js';
import type { NestedArray, Tensor } from '../tensor/tensor.js';

const stepKernel = unaryKernel('step');
const sigmoidKernel = unaryKernel('sigmoid');
const reluKernel = unaryKernel('relu');

/**
 * Step function: h(x) = 1 if x > 0 else 0, elementwise. Its derivative is 0 almost everywhere,
 * which is why networks that learn by gradients cannot use it (seed 001).
 * Book: step_function (ch03). @example stepFunction([-1, 0, 2]).toArray()  // [0, 0, 1]
 */
export function stepFunction(x: Tensor | NestedArray, out?: Tensor): Tensor {
  return stepKernel(tensor(x), out);
}

/**
 * Sigmoid: σ(x) = 1 / (1 + e⁻ˣ), elementwise, computed without overflow for large |x|.
 * Its derivative σ(x)(1 − σ(x)) is never 0. Book: sigmoid (ch03).
 * @example sigmoid([0]).toArray()  // [0.5]
 */
export function sigmoid(x: Tensor | NestedArray, out?: Tensor): Tensor {
  return sigmoidKernel(tensor(x), out);
}

/**
 * ReLU: relu(x) = max(0, x), elementwise. Book: relu (ch03).
 * @example relu([-1, 2]).toArray()  // [0, 2]
 */
export function relu(x: Tensor | NestedArray, out?: Tensor): Tensor {
  return reluKernel(tensor(x), out);
}

/**
 * Softmax over the last axis: yₖ = exp(aₖ − max a) / Σⱼ exp(aⱼ − max a). Rows of a 2-D input
 * are independent. Subtracting the max is exact algebra and prevents overflow.
 * Shapes: (C) or (N, C) → same. Book: softmax (ch03).
 * @example softmax([0.3, 2.9, 4.0]).toArray()  // [0.0182…, 0.2451…, 0.7365…]
 */
export function softmax(x: Tensor | NestedArray, out?: Tensor): Tensor {
  return softmaxRows(tensor(x), out);
}

/**
 * Identity: y = x (a copy), the output function of regression. Book: identity_function (ch03).
 */
export function identity(x: Tensor | NestedArray): Tensor {
  return clone(tensor(x));
}
