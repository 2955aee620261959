import { unaryKernel } from '../tensor/ops/unary.js';
import type { Tensor } from '../tensor/tensor.js';
import { asVariable, Function } from './function.js';
import { mul } from './mul.js';
import { sub } from './sub.js';
import type { Operand, Variable } from './variable.js';

const sigmoidKernel = unaryKernel('sigmoid');

/**
 * Sigmoid node: y = σ(x) = 1 / (1 + e⁻ˣ); gx = gy ⊙ y(1 − y), from the output (as the Sigmoid
 * layer caches it).
 * Shapes: any → same. Book: Sigmoid (ch05 §5.5.2); DeZero's Sigmoid.
 */
export class Sigmoid extends Function {
  readonly name = 'Sigmoid';
  forward([x]: Tensor[]): Tensor {
    return sigmoidKernel(x);
  }
  backward(gy: Variable): Variable[] {
    const y = this.output();
    return [mul(gy, mul(y, sub(1, y)))];
  }
}

/**
 * σ(x) as a graph node.
 * Shapes: any → same. Book: DeZero's sigmoid.
 * @example sigmoid(new Variable(0)).item()  // 0.5
 */
export function sigmoid(x: Operand): Variable {
  return new Sigmoid().apply(asVariable('sigmoid', x));
}
