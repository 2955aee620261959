import { rowsCols } from '../tensor/ops/check.js';
import { softmaxRows } from '../tensor/ops/softmax-rows.js';
import type { Tensor } from '../tensor/tensor.js';
import { asVariable, Function } from './function.js';
import { mul } from './mul.js';
import { sub } from './sub.js';
import { sum } from './sum.js';
import type { Operand, Variable } from './variable.js';

/**
 * Softmax node over the last axis: yₖ = exp(xₖ − max x) / Σⱼ exp(xⱼ − max x) per row;
 * gx = y ⊙ gy − y ⊙ Σₖ (y ⊙ gy)ₖ (the Jacobian diag(y) − y yᵀ applied row by row).
 * Shapes: (C) or (N, C) → same. Book: softmax (ch03 §3.5); DeZero's Softmax.
 */
export class Softmax extends Function {
  readonly name = 'Softmax';
  forward([x]: Tensor[]): Tensor {
    return softmaxRows(x);
  }
  backward(gy: Variable): Variable[] {
    const y = this.output();
    const gx = mul(y, gy);
    return [sub(gx, mul(y, sum(gx, -1, true)))];
  }
}

/**
 * Softmax over the last axis as a graph node; inputs other than (C) or (N, C) throw.
 * Shapes: (C) or (N, C) → same. Book: DeZero's softmax.
 * @example softmax(new Variable([0, 0])).data.toArray()  // [0.5, 0.5]
 */
export function softmax(x: Operand): Variable {
  const v = asVariable('softmax', x);
  rowsCols('softmax', v.data);
  return new Softmax().apply(v);
}
