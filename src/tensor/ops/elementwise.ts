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

/**
 * Elementwise sum: out = a + b, with b of a's shape, a number, or a row vector (the bias in x·W + b).
 * Shapes: a (*), b (*) | () | (C) with C = a's last dimension → a's shape. Book: a + b in NumPy.
 * @example add(tensor([[1, 2], [3, 4]]), tensor([10, 20])).toArray(); // → [[11, 22], [13, 24]]
 */
export const add = (a: Tensor, b: Tensor | number, out?: Tensor): Tensor =>
  binaryOp('add', 'add', a, b, out);
/**
 * Elementwise difference: out = a − b (b broadcast as in {@link add}). Shapes: as add.
 * @example sub(tensor([5, 3]), 1).toArray(); // → [4, 2]
 */
export const sub = (a: Tensor, b: Tensor | number, out?: Tensor): Tensor =>
  binaryOp('sub', 'sub', a, b, out);
/**
 * Elementwise product: out = a ⊙ b (b broadcast as in {@link add}). Shapes: as add.
 * @example mul(tensor([1, 2]), tensor([3, 4])).toArray(); // → [3, 8]
 */
export const mul = (a: Tensor, b: Tensor | number, out?: Tensor): Tensor =>
  binaryOp('mul', 'mul', a, b, out);
/**
 * Elementwise quotient: out = a / b (b broadcast as in {@link add}). Shapes: as add.
 * @example div(tensor([[6, 8]]), tensor([3, 2])).toArray(); // → [[2, 4]]
 */
export const div = (a: Tensor, b: Tensor | number, out?: Tensor): Tensor =>
  binaryOp('div', 'div', a, b, out);
/**
 * Elementwise maximum: out = max(a, b), NaN when either is NaN (b broadcast as in {@link add}).
 * Shapes: as add. Book: np.maximum.
 * @example maximum(tensor([-1, 2]), 0).toArray(); // → [0, 2]
 */
export const maximum = (a: Tensor, b: Tensor | number, out?: Tensor): Tensor =>
  binaryOp('maximum', 'max', a, b, out);
/**
 * Elementwise minimum: out = min(a, b), NaN when either is NaN (b broadcast as in {@link add}).
 * Shapes: as add. Book: np.minimum.
 * @example minimum(tensor([-1, 2]), 0).toArray(); // → [-1, 0]
 */
export const minimum = (a: Tensor, b: Tensor | number, out?: Tensor): Tensor =>
  binaryOp('minimum', 'min', a, b, out);
