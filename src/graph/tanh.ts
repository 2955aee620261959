import { tanh as tanhTensor } from '../tensor/ops/unary.js';
import type { Tensor } from '../tensor/tensor.js';
import { asVariable, Function } from './function.js';
import { mul } from './mul.js';
import { sub } from './sub.js';
import type { Operand, Variable } from './variable.js';

/**
 * Hyperbolic-tangent node: y = tanh x; gx = gy ⊙ (1 − y²), from the output.
 * Shapes: any → same. Book: DeZero's Tanh.
 */
export class Tanh extends Function {
  readonly name = 'Tanh';
  forward([x]: Tensor[]): Tensor {
    return tanhTensor(x);
  }
  backward(gy: Variable): Variable[] {
    const y = this.output();
    return [mul(gy, sub(1, mul(y, y)))];
  }
}

/**
 * tanh x as a graph node.
 * Shapes: any → same. Book: DeZero's tanh.
 * @example tanh(new Variable(0)).item()  // 0
 */
export function tanh(x: Operand): Variable {
  return new Tanh().apply(asVariable('tanh', x));
}
