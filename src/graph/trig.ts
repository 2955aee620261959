import { cos as cosTensor, sin as sinTensor } from '../tensor/ops/math.js';
import type { Tensor } from '../tensor/tensor.js';
import { asVariable, Function } from './function.js';
import { mul } from './mul.js';
import { neg } from './neg.js';
import type { Operand, Variable } from './variable.js';

// sin and cos are each other's backward, so they share a file.

/**
 * Sine node: y = sin x; gx = gy ⊙ cos x.
 * Shapes: any → same. Book: DeZero's Sin.
 */
export class Sin extends Function {
  readonly name = 'Sin';
  forward([x]: Tensor[]): Tensor {
    return sinTensor(x);
  }
  backward(gy: Variable): Variable[] {
    return [mul(gy, cos(this.input(0)))];
  }
}

/**
 * Cosine node: y = cos x; gx = gy ⊙ (−sin x).
 * Shapes: any → same. Book: DeZero's Cos.
 */
export class Cos extends Function {
  readonly name = 'Cos';
  forward([x]: Tensor[]): Tensor {
    return cosTensor(x);
  }
  backward(gy: Variable): Variable[] {
    return [mul(gy, neg(sin(this.input(0))))];
  }
}

/**
 * sin x as a graph node.
 * Shapes: any → same. Book: DeZero's sin.
 * @example sin(new Variable(0)).item()  // 0
 */
export function sin(x: Operand): Variable {
  return new Sin().apply(asVariable('sin', x));
}

/**
 * cos x as a graph node.
 * Shapes: any → same. Book: DeZero's cos.
 * @example cos(new Variable(0)).item()  // 1
 */
export function cos(x: Operand): Variable {
  return new Cos().apply(asVariable('cos', x));
}
