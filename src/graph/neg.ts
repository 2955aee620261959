import { neg as negTensor } from '../tensor/ops/unary.js';
import type { Tensor } from '../tensor/tensor.js';
import { asVariable, Function } from './function.js';
import type { Operand, Variable } from './variable.js';

/**
 * Negation node: y = −x; gx = −gy.
 * Shapes: any → same. Book: DeZero's Neg.
 */
export class Neg extends Function {
  readonly name = 'Neg';
  override get label(): string {
    return '−x';
  }
  forward([x]: Tensor[]): Tensor {
    return negTensor(x);
  }
  backward(gy: Variable): Variable[] {
    return [neg(gy)];
  }
}

/**
 * −x as a graph node.
 * Shapes: any → same. Book: -x in DeZero.
 * @example neg(new Variable(2)).item()  // -2
 */
export function neg(x: Operand): Variable {
  return new Neg().apply(asVariable('neg', x));
}
