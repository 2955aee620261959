import { broadcastBinary } from '../tensor/ops/broadcast-binary.js';
import type { Tensor } from '../tensor/tensor.js';
import { sumTo } from './broadcast.js';
import { Function, operandPair } from './function.js';
import { neg } from './neg.js';
import type { Operand, Variable } from './variable.js';

/**
 * Subtraction node: y = a − b (broadcast); ga = sumTo(gy, a.shape), gb = sumTo(−gy, b.shape).
 * Shapes: a, b broadcastable → their broadcast shape. Book: DeZero's Sub.
 */
export class Sub extends Function {
  readonly name = 'Sub';
  override get label(): string {
    return '−';
  }
  forward([a, b]: Tensor[]): Tensor {
    return broadcastBinary('sub', a, b);
  }
  backward(gy: Variable): Variable[] {
    return [sumTo(gy, this.input(0).shape), sumTo(neg(gy), this.input(1).shape)];
  }
}

/**
 * a − b as a graph node.
 * Shapes: as Sub. Book: a - b in DeZero.
 * @example sub(new Variable(5), 3).item()  // 2
 */
export function sub(a: Operand, b: Operand): Variable {
  return new Sub().apply(...operandPair('sub', a, b));
}
