import { sub as subTensor } from '../tensor/ops/elementwise.js';
import { full } from '../tensor/creation.js';
import { fmtShape, sameShape, type Tensor } from '../tensor/tensor.js';
import { Function, operandPair } from './function.js';
import { GraphError } from './graph-error.js';
import { mul } from './mul.js';
import { neg } from './neg.js';
import { sub } from './sub.js';
import type { Operand, Variable } from './variable.js';

/**
 * Mean-squared-error node: L = (1/n) Σᵢ (x0ᵢ − x1ᵢ)² over all n elements (PyTorch's MSELoss;
 * DeZero divides by the number of rows instead, the same for 1-D inputs);
 * g0 = gy · 2(x0 − x1)/n, g1 = −g0.
 * Shapes: x0 (*), x1 the same shape → a 0-d scalar. Book: DeZero's MeanSquaredError.
 */
export class MeanSquaredError extends Function {
  readonly name = 'MeanSquaredError';
  forward([x0, x1]: Tensor[]): Tensor {
    const diff = subTensor(x0, x1);
    let s = 0;
    const d = diff.data;
    for (let i = 0; i < d.length; i++) s += d[i] * d[i];
    return full([], s / diff.size, { dtype: x0.dtype });
  }
  backward(gy: Variable): Variable[] {
    const [x0, x1] = this.inputs;
    const g0 = mul(mul(sub(x0, x1), gy), 2 / x0.size);
    return [g0, neg(g0)];
  }
}

/**
 * The mean squared error of x0 against x1 as one graph node; shapes that differ throw naming both.
 * Shapes: x0 (*), x1 the same → a 0-d scalar. Book: DeZero's mean_squared_error.
 * @example meanSquaredError(new Variable([1, 2]), new Variable([0, 0])).item()  // 2.5
 */
export function meanSquaredError(x0: Operand, x1: Operand): Variable {
  const [a, b] = operandPair('meanSquaredError', x0, x1);
  if (!sameShape(a.shape, b.shape)) {
    throw new GraphError(
      `meanSquaredError: shape mismatch, ${fmtShape(a.shape)} vs ${fmtShape(b.shape)}`,
    );
  }
  return new MeanSquaredError().apply(a, b);
}
