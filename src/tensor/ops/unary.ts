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

/** eˣ elementwise. */
export const exp = unaryOp('exp');
/** ln x elementwise (−∞ at 0, NaN below). */
export const log = unaryOp('log');
/** −x elementwise. */
export const neg = unaryOp('neg');
/** |x| elementwise. */
export const abs = unaryOp('abs');
/** √x elementwise. */
export const sqrt = unaryOp('sqrt');
/** x² elementwise. */
export const square = unaryOp('square');
/** tanh x elementwise. */
export const tanh = unaryOp('tanh');
/** Elementwise kernels behind the activation functions in src/functions (relu, sigmoid, step). */
export const unaryKernel = unaryOp;
