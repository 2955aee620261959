import { transpose as transposeTensor } from '../tensor/ops/transpose.js';
import type { Tensor } from '../tensor/tensor.js';
import { asVariable, Function } from './function.js';
import type { Operand, Variable } from './variable.js';

/**
 * Transpose node: the axes permuted (reversed by default); gx = gy permuted back by the inverse
 * permutation.
 * Shapes: (d₀, …, dₖ) → (d_{axes[0]}, …). Book: x.T; DeZero's Transpose.
 */
export class Transpose extends Function {
  readonly name = 'Transpose';
  constructor(readonly axes?: readonly number[]) {
    super();
  }
  forward([x]: Tensor[]): Tensor {
    return transposeTensor(x, this.axes);
  }
  backward(gy: Variable): Variable[] {
    if (this.axes === undefined) return [transpose(gy)];
    const nd = this.axes.length;
    const inverse = new Array<number>(nd);
    this.axes.forEach((a, i) => (inverse[a < 0 ? a + nd : a] = i));
    return [transpose(gy, inverse)];
  }
}

/**
 * x with its axes permuted (reversed when `axes` is omitted: a matrix's transpose).
 * Shapes: as Transpose. Book: DeZero's transpose.
 * @example transpose(new Variable([[1, 2, 3]])).shape  // [3, 1]
 */
export function transpose(x: Operand, axes?: readonly number[]): Variable {
  return new Transpose(axes).apply(asVariable('transpose', x));
}
