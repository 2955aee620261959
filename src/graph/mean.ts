import { reductionAxes } from '../tensor/ops/sum-axes.js';
import { div } from './div.js';
import { asVariable } from './function.js';
import { sum, type Axis } from './sum.js';
import type { Operand, Variable } from './variable.js';

/**
 * The mean over `axis` (all axes when omitted): sum(x, axis) / n, n the number of elements
 * averaged. A composite of Sum and Div, so its gradient gy/n spread over x comes from theirs.
 * Shapes: as sum. Book: np.mean; DeZero's mean.
 * @example mean(new Variable([1, 2, 3, 6])).item()  // 3
 */
export function mean(x: Operand, axis?: Axis, keepdims = false): Variable {
  const v = asVariable('mean', x);
  const axes = reductionAxes('mean', v.shape, axis);
  const n = axes.reduce((p, a) => p * v.shape[a], 1);
  return div(sum(v, axis, keepdims), n);
}
