import { zeros } from '../creation.js';
import { fmtShape, shapeSize, type Tensor } from '../tensor.js';

/**
 * The axes of `x` permuted, as a new tensor: out[i_{axes[0]}, …] = x[i_0, …]. Without axes the
 * order is reversed (a matrix becomes its transpose). Negative axes count from the end.
 * Shapes: x (d₀, …, dₖ) → (d_{axes[0]}, …, d_{axes[k]}). Book: x.T, np.transpose.
 * @example transpose(tensor([[1, 2, 3], [4, 5, 6]])).toArray()  // [[1, 4], [2, 5], [3, 6]]
 */
export function transpose(x: Tensor, axes?: readonly number[]): Tensor {
  const nd = x.ndim;
  const perm = (axes ?? [...Array(nd).keys()].reverse()).map((a) => (a < 0 ? a + nd : a));
  const valid =
    perm.length === nd &&
    perm.every((a, i) => Number.isInteger(a) && a >= 0 && a < nd && perm.indexOf(a) === i);
  if (!valid) {
    throw new RangeError(
      `transpose: axes [${(axes ?? []).join(', ')}] are not a permutation of the ${nd} axes of ${fmtShape(x.shape)}`,
    );
  }
  const shape = perm.map((a) => x.shape[a]);
  const out = zeros(shape, { dtype: x.dtype });
  const src = x.data;
  const dst = out.data;
  if (nd === 2 && perm[0] === 1) {
    const [rows, cols] = x.shape;
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) dst[c * rows + r] = src[r * cols + c];
    return out;
  }
  const srcStrides = new Array<number>(nd);
  for (let i = nd - 1, s = 1; i >= 0; i--) {
    srcStrides[i] = s;
    s *= x.shape[i];
  }
  const strides = perm.map((a) => srcStrides[a]);
  const index = new Array<number>(nd).fill(0);
  let from = 0;
  const n = shapeSize(shape);
  for (let o = 0; o < n; o++) {
    dst[o] = src[from];
    for (let axis = nd - 1; axis >= 0; axis--) {
      index[axis]++;
      from += strides[axis];
      if (index[axis] < shape[axis]) break;
      from -= strides[axis] * shape[axis];
      index[axis] = 0;
    }
  }
  return out;
}
