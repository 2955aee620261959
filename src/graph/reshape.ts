import { fmtShape, sameShape, shapeSize, type Tensor } from '../tensor/tensor.js';
import { asVariable, Function } from './function.js';
import { GraphError } from './graph-error.js';
import type { Operand, Variable } from './variable.js';

/**
 * Reshape node: the same numbers in another shape (sharing the storage); gx = gy reshaped back.
 * Shapes: x (*) → shape of the same size. Book: DeZero's Reshape.
 */
export class Reshape extends Function {
  readonly name = 'Reshape';
  constructor(readonly shape: readonly number[]) {
    super();
  }
  forward([x]: Tensor[]): Tensor {
    return x.reshape(this.shape);
  }
  backward(gy: Variable): Variable[] {
    return [reshape(gy, this.input(0).shape)];
  }
}

/**
 * x in another shape of the same size (x itself when the shape is unchanged).
 * Shapes: x (*) → shape. Book: DeZero's reshape.
 * @example reshape(new Variable([1, 2, 3, 4]), [2, 2]).shape  // [2, 2]
 */
export function reshape(x: Operand, shape: readonly number[]): Variable {
  const v = asVariable('reshape', x);
  if (sameShape(v.shape, shape)) return v;
  if (shapeSize(shape) !== v.size) {
    throw new GraphError(
      `reshape: cannot reshape ${fmtShape(v.shape)} (${v.size} numbers) to ${fmtShape(shape)}`,
    );
  }
  return new Reshape(shape).apply(v);
}
