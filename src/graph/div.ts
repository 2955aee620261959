import { broadcastBinary } from '../tensor/ops/broadcast-binary.js';
import type { Tensor } from '../tensor/tensor.js';
import { sumTo } from './broadcast.js';
import { Function, operandPair } from './function.js';
import { mul } from './mul.js';
import { neg } from './neg.js';
import type { Operand, Variable } from './variable.js';

/**
 * Division node: y = a / b (broadcast); ga = sumTo(gy / b, a.shape),
 * gb = sumTo(gy ⊙ (−a / b²), b.shape).
 * Shapes: a, b broadcastable → their broadcast shape. Book: DeZero's Div.
 */
export class Div extends Function {
  readonly name = 'Div';
  override get label(): string {
    return '÷';
  }
  forward([a, b]: Tensor[]): Tensor {
    return broadcastBinary('div', a, b);
  }
  backward(gy: Variable): Variable[] {
    const [a, b] = this.inputs;
    const ga = div(gy, b);
    const gb = mul(gy, div(neg(a), mul(b, b)));
    return [sumTo(ga, a.shape), sumTo(gb, b.shape)];
  }
}

/**
 * a / b as a graph node.
 * Shapes: as Div. Book: a / b in DeZero.
 * @example div(new Variable(6), 4).item()  // 1.5
 */
export function div(a: Operand, b: Operand): Variable {
  return new Div().apply(...operandPair('div', a, b));
}
