import type { UnaryOp } from '../../backend/backend.js';
import { getBackend } from '../../backend/registry.js';
import type { Tensor } from '../tensor.js';
import { outFor } from './check.js';

function unaryOp(op: UnaryOp): (x: Tensor, out?: Tensor) => Tensor {
  return (x, out) => {
    const o = outFor(op, out, x.shape, x.dtype);
    getBackend().unary(op, x.storage, o.storage);
    return o;
  };
}

// Every op: Shapes: any → same; `out` (same shape and dtype) is written instead of allocating.

/** eˣ elementwise. Book: np.exp. @example exp(tensor([0, 1])).toArray()  // [1, 2.718281828459045] */
export const exp = unaryOp('exp');
/** ln x elementwise (−∞ at 0, NaN below). Book: np.log. @example log(tensor([1])).toArray()  // [0] */
export const log = unaryOp('log');
/** −x elementwise. @example neg(tensor([1, -2])).toArray()  // [-1, 2] */
export const neg = unaryOp('neg');
/** |x| elementwise. Book: np.abs. @example abs(tensor([-3])).toArray()  // [3] */
export const abs = unaryOp('abs');
/** √x elementwise (NaN below 0). Book: np.sqrt. @example sqrt(tensor([9])).toArray()  // [3] */
export const sqrt = unaryOp('sqrt');
/** x² elementwise. Book: x**2. @example square(tensor([-3])).toArray()  // [9] */
export const square = unaryOp('square');
/** tanh x elementwise. Book: np.tanh. @example tanh(tensor([0])).toArray()  // [0] */
export const tanh = unaryOp('tanh');
/**
 * The op for any unary kernel; src/functions builds relu, sigmoid and stepFunction from it.
 * @example unaryKernel('relu')(tensor([-1, 2])).toArray(); // → [0, 2]
 */
export const unaryKernel = unaryOp;
