import { unaryKernel } from '../tensor/ops/unary.js';
import type { Tensor } from '../tensor/tensor.js';
import { asVariable, Function } from './function.js';
import { mul } from './mul.js';
import { Variable, type Operand } from './variable.js';

const reluKernel = unaryKernel('relu');
const stepKernel = unaryKernel('step');

/**
 * ReLU node: y = max(0, x); gx = gy ⊙ [x > 0]. The mask is a constant, so the second derivative
 * is 0, and the subgradient at 0 is 0 (as the Relu layer).
 * Shapes: any → same. Book: Relu (ch05 §5.5.1); DeZero's ReLU.
 */
export class ReLU extends Function {
  readonly name = 'ReLU';
  forward([x]: Tensor[]): Tensor {
    return reluKernel(x);
  }
  backward(gy: Variable): Variable[] {
    return [mul(gy, new Variable(stepKernel(this.input(0).data)))];
  }
}

/**
 * max(0, x) as a graph node.
 * Shapes: any → same. Book: DeZero's relu.
 * @example relu(new Variable([-1, 2])).data.toArray()  // [0, 2]
 */
export function relu(x: Operand): Variable {
  return new ReLU().apply(asVariable('relu', x));
}
