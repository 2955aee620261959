import type { BinaryOp } from '../../backend/backend.js';
import { getBackend } from '../../backend/registry.js';
import { fmtShape, sameShape, type Tensor } from '../tensor.js';
import { assertSameDType, outFor } from './check.js';

/**
 * a ∘ b elementwise with NumPy's broadcasting in the three forms the library needs:
 * equal shapes, a number (or 1-element tensor) b, or a row vector b whose length is a's last
 * dimension (the bias in x·W + b). Anything else throws naming both shapes.
 */
function binaryOp(name: string, op: BinaryOp, a: Tensor, b: Tensor | number, out?: Tensor): Tensor {
  const backend = getBackend();
  if (typeof b === 'number') {
    const o = outFor(name, out, a.shape, a.dtype);
    backend.binaryScalar(op, a.storage, b, o.storage);
    return o;
  }
  assertSameDType(name, a, b);
  if (sameShape(a.shape, b.shape)) {
    const o = outFor(name, out, a.shape, a.dtype);
    backend.binary(op, a.storage, b.storage, o.storage);
    return o;
  }
  if (b.size === 1 && b.ndim <= 1) {
    const o = outFor(name, out, a.shape, a.dtype);
    backend.binaryScalar(op, a.storage, b.data[0], o.storage);
    return o;
  }
  const cols = a.shape[a.ndim - 1];
  const isRow = b.ndim === 1 || (b.ndim === 2 && b.shape[0] === 1);
  if (a.ndim >= 2 && isRow && b.size === cols) {
    const o = outFor(name, out, a.shape, a.dtype);
    backend.binaryRowVector(op, a.size / cols, cols, a.storage, b.storage, o.storage);
    return o;
  }
  throw new RangeError(`${name}: cannot broadcast ${fmtShape(b.shape)} to ${fmtShape(a.shape)}`);
}

/** a + b (b: same shape, number, or row vector). */
export const add = (a: Tensor, b: Tensor | number, out?: Tensor): Tensor => binaryOp('add', 'add', a, b, out);
/** a − b (b: same shape, number, or row vector). */
export const sub = (a: Tensor, b: Tensor | number, out?: Tensor): Tensor => binaryOp('sub', 'sub', a, b, out);
/** a · b elementwise (b: same shape, number, or row vector). */
export const mul = (a: Tensor, b: Tensor | number, out?: Tensor): Tensor => binaryOp('mul', 'mul', a, b, out);
/** a / b elementwise (b: same shape, number, or row vector). */
export const div = (a: Tensor, b: Tensor | number, out?: Tensor): Tensor => binaryOp('div', 'div', a, b, out);
/** max(a, b) elementwise. */
export const maximum = (a: Tensor, b: Tensor | number, out?: Tensor): Tensor =>
  binaryOp('maximum', 'max', a, b, out);
/** min(a, b) elementwise. */
export const minimum = (a: Tensor, b: Tensor | number, out?: Tensor): Tensor =>
  binaryOp('minimum', 'min', a, b, out);
