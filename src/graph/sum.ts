import { reducedShape, reductionAxes, sumAxes } from '../tensor/ops/sum-axes.js';
import type { Tensor } from '../tensor/tensor.js';
import { broadcastTo } from './broadcast.js';
import { asVariable, Function } from './function.js';
import { reshape } from './reshape.js';
import type { Operand, Variable } from './variable.js';

/** The axes of a reduction: one axis, several, or all when omitted. Negative axes count from the end. */
export type Axis = number | readonly number[] | undefined;

/**
 * Sum node: y = Σ over `axis` (all axes when omitted); gx = gy broadcast back to x's shape
 * (reshaped with the summed axes as 1 first, so keepdims or not makes no difference).
 * Shapes: x (*) → x's shape without the summed axes (kept as 1 with keepdims). Book: DeZero's Sum.
 */
export class Sum extends Function {
  readonly name = 'Sum';
  constructor(
    readonly axis: Axis,
    readonly keepdims: boolean,
  ) {
    super();
  }
  override get label(): string {
    return this.axis === undefined ? 'sum' : `sum(axis=${String(this.axis)})`;
  }
  forward([x]: Tensor[]): Tensor {
    return sumAxes(x, this.axis, this.keepdims);
  }
  backward(gy: Variable): Variable[] {
    const x = this.input(0);
    const axes = reductionAxes('sum', x.shape, this.axis);
    return [broadcastTo(reshape(gy, reducedShape(x.shape, axes, true)), x.shape)];
  }
}

/**
 * The sum over `axis` as a graph node (all axes, to a 0-d scalar, when omitted).
 * Shapes: as Sum. Book: DeZero's sum(x, axis, keepdims).
 * @example sum(new Variable([[1, 2], [3, 4]]), 0).data.toArray()  // [4, 6]
 */
export function sum(x: Operand, axis?: Axis, keepdims = false): Variable {
  const v = asVariable('sum', x);
  reductionAxes('sum', v.shape, axis);
  return new Sum(axis, keepdims).apply(v);
}
