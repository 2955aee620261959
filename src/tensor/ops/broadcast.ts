import { getBackend } from '../../backend/registry.js';
import { zeros } from '../creation.js';
import { fmtShape, sameShape, shapeSize, type Tensor } from '../tensor.js';

/**
 * The shape NumPy broadcasting gives two operands: align the shapes at the right, and in each
 * position the sizes must be equal or one of them 1 (which stretches). A mismatch throws naming
 * the op and both shapes.
 * Shapes: a, b → the broadcast shape. Book: NumPy's broadcasting (ch01 §1.5.5).
 * @example broadcastShapes('add', [5, 3], [3])  // [5, 3]
 */
export function broadcastShapes(op: string, a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new RangeError(
        `${op}: shapes ${fmtShape(a)} and ${fmtShape(b)} do not broadcast (axis ${i}: ${da} vs ${db})`,
      );
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** The length of the last axis when `shape`, leading ones removed, is one row of `target`. */
function rowOf(shape: readonly number[], target: readonly number[]): number {
  const cols = target[target.length - 1];
  if (target.length < 2 || shapeSize(shape) !== cols || shape.length === 0) return -1;
  return shape[shape.length - 1] === cols ? cols : -1;
}

/** Row-major strides of `shape` read as `target` (0 on stretched axes). */
function stretchStrides(shape: readonly number[], target: readonly number[]): number[] {
  const strides = new Array<number>(target.length).fill(0);
  let stride = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const t = target.length - shape.length + i;
    strides[t] = shape[i] === 1 ? 0 : stride;
    stride *= shape[i];
  }
  return strides;
}

/** Calls visit(outIndex, srcIndex) for every element of `target` read from `shape` (stretched). */
function forEachStretched(
  shape: readonly number[],
  target: readonly number[],
  visit: (o: number, s: number) => void,
): void {
  const strides = stretchStrides(shape, target);
  const n = shapeSize(target);
  const nd = target.length;
  const index = new Array<number>(nd).fill(0);
  let src = 0;
  for (let o = 0; o < n; o++) {
    visit(o, src);
    for (let axis = nd - 1; axis >= 0; axis--) {
      index[axis]++;
      src += strides[axis];
      if (index[axis] < target[axis]) break;
      src -= strides[axis] * target[axis];
      index[axis] = 0;
    }
  }
}

function checkBroadcastable(op: string, shape: readonly number[], target: readonly number[]): void {
  const ok =
    shape.length <= target.length &&
    shape.every((d, i) => d === 1 || d === target[target.length - shape.length + i]);
  if (!ok)
    throw new RangeError(`${op}: cannot broadcast ${fmtShape(shape)} to ${fmtShape(target)}`);
}

/**
 * x stretched to `shape` by NumPy's rules, as a new tensor: out[i…] = x[i…] with stretched axes
 * read at 0. A row vector (the bias) and a single number use the backend's kernels.
 * Shapes: x (broadcastable to shape) → shape. Book: np.broadcast_to (DeZero's broadcast_to).
 * @example broadcastTo(tensor([1, 2]), [2, 2]).toArray()  // [[1, 2], [1, 2]]
 */
export function broadcastTo(x: Tensor, shape: readonly number[]): Tensor {
  checkBroadcastable('broadcastTo', x.shape, shape);
  const out = zeros(shape, { dtype: x.dtype });
  if (x.size === 1) {
    getBackend().fill(out.storage, x.data[0]);
  } else if (sameShape(x.shape, shape)) {
    getBackend().copy(x.storage, out.storage);
  } else if (rowOf(x.shape, shape) > 0) {
    const cols = shape[shape.length - 1];
    getBackend().binaryRowVector('add', out.size / cols, cols, out.storage, x.storage, out.storage);
  } else {
    const src = x.data;
    const dst = out.data;
    forEachStretched(x.shape, shape, (o, s) => (dst[o] = src[s]));
  }
  return out;
}

/**
 * The sum of x down to `shape`, the reverse of broadcastTo: leading axes that x has and `shape`
 * lacks are summed away, and so are axes where `shape` has 1 (kept as 1). This is the gradient of
 * a broadcast: a (3) bias added to a (5, 3) input gets its gradient summed back to (3).
 * Shapes: x (*) → shape (x's shape must be shape broadcast). Book: DeZero's sum_to.
 * @example sumTo(tensor([[1, 2], [3, 4]]), [2]).toArray()  // [4, 6]
 */
export function sumTo(x: Tensor, shape: readonly number[]): Tensor {
  checkBroadcastable('sumTo', shape, x.shape);
  const out = zeros(shape, { dtype: x.dtype });
  const backend = getBackend();
  if (sameShape(x.shape, shape)) {
    backend.copy(x.storage, out.storage);
  } else if (out.size === 1) {
    backend.fill(out.storage, backend.sum(x.storage));
  } else if (rowOf(shape, x.shape) > 0) {
    const cols = x.shape[x.ndim - 1];
    backend.sumAxis0(x.size / cols, cols, x.storage, out.storage);
  } else {
    const acc = new Float64Array(out.size);
    const src = x.data;
    forEachStretched(shape, x.shape, (o, s) => (acc[s] += src[o]));
    out.data.set(acc);
  }
  return out;
}
