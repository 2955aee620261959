import { exp as expTensor } from '../tensor/ops/unary.js';
import type { Tensor } from '../tensor/tensor.js';
import { asVariable, Function } from './function.js';
import { mul } from './mul.js';
import type { Operand, Variable } from './variable.js';

/**
 * Exponential node: y = eˣ; gx = gy ⊙ y (the output is its own derivative).
 * Shapes: any → same. Book: DeZero's Exp.
 */
export class Exp extends Function {
  readonly name = 'Exp';
  forward([x]: Tensor[]): Tensor {
    return expTensor(x);
  }
  backward(gy: Variable): Variable[] {
    return [mul(gy, this.output())];
  }
}

/**
 * eˣ as a graph node.
 * Shapes: any → same. Book: DeZero's exp.
 * @example exp(new Variable(0)).item()  // 1
 */
export function exp(x: Operand): Variable {
  return new Exp().apply(asVariable('exp', x));
}
