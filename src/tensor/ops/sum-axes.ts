import { fmtShape, type Tensor } from '../tensor.js';
import { sumTo } from './broadcast.js';

/**
 * The axes a reduction runs over, normalised: none given means all, negative axes count from the
 * end, and an axis outside the tensor throws naming the op and the shape.
 * @example reductionAxes('sum', [2, 3], -1)  // [1]
 */
export function reductionAxes(
  op: string,
  shape: readonly number[],
  axis?: number | readonly number[],
): number[] {
  const nd = shape.length;
  if (axis === undefined) return [...Array(nd).keys()];
  const list = typeof axis === 'number' ? [axis] : [...axis];
  return list.map((a) => {
    const k = a < 0 ? a + nd : a;
    if (!Number.isInteger(k) || k < 0 || k >= nd) {
      throw new RangeError(`${op}: axis ${a} is out of range for shape ${fmtShape(shape)}`);
    }
    return k;
  });
}

/**
 * The shape a sum over `axes` leaves, with those axes kept as 1 (keepdims) or removed.
 * @example reducedShape([2, 3], [1], false)  // [2]
 */
export function reducedShape(
  shape: readonly number[],
  axes: readonly number[],
  keepdims: boolean,
): number[] {
  const out: number[] = [];
  shape.forEach((d, i) => {
    if (!axes.includes(i)) out.push(d);
    else if (keepdims) out.push(1);
  });
  return out;
}

/**
 * Sums over some axes: out[…] = Σ over the listed axes of x (all axes when none are given), in
 * float64 whatever the dtype. Without keepdims the summed axes disappear (all axes: a 0-d tensor).
 * Shapes: x (*) → x's shape without (or with 1 at) the summed axes. Book: np.sum(x, axis, keepdims).
 * @example sumAxes(tensor([[1, 2], [3, 4]]), 1).toArray()  // [3, 7]
 */
export function sumAxes(x: Tensor, axis?: number | readonly number[], keepdims = false): Tensor {
  const axes = reductionAxes('sum', x.shape, axis);
  const kept = sumTo(x, reducedShape(x.shape, axes, true));
  return kept.reshape(reducedShape(x.shape, axes, keepdims));
}
