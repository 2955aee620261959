import { sameShape, shapeSize, type Tensor } from '../tensor.js';
import { broadcastShapes, broadcastTo } from './broadcast.js';
import { assertSameDType } from './check.js';
import { add, div, mul, sub } from './elementwise.js';

const OPS = { add, sub, mul, div } as const;

/** The four arithmetic operators that broadcast in both directions. */
export type ArithmeticOp = keyof typeof OPS;

/**
 * a ∘ b with NumPy's full broadcasting (either side may stretch, e.g. (5, 1) ∘ (1, 3) → (5, 3)).
 * The common cases (equal shapes, a number, a bias row on the right) go straight to the
 * backend's kernels; other shapes are broadcast to the common shape first. A mismatch throws
 * naming the op and both shapes.
 * Shapes: a, b broadcastable → their broadcast shape. Book: NumPy's a + b, a * b, ….
 * @example broadcastBinary('add', tensor([[1], [2]]), tensor([10, 20])).toArray()  // [[11, 21], [12, 22]]
 */
export function broadcastBinary(op: ArithmeticOp, a: Tensor, b: Tensor): Tensor {
  assertSameDType(op, a, b);
  const f = OPS[op];
  if (sameShape(a.shape, b.shape)) return f(a, b);
  const shape = broadcastShapes(op, a.shape, b.shape);
  if (sameShape(shape, a.shape)) {
    if (b.size === 1) return f(a, b.data[0]);
    const cols = shape[shape.length - 1];
    if (shape.length >= 2 && b.size === cols && b.shape[b.ndim - 1] === cols) {
      return f(a, b.reshape([cols]));
    }
  }
  const aa = sameShape(shape, a.shape) ? a : broadcastTo(a, shape);
  const bb = sameShape(shape, b.shape) ? b : broadcastTo(b, shape);
  return shapeSize(shape) === 0 ? aa : f(aa, bb);
}
