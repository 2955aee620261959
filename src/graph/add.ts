import { broadcastBinary } from '../tensor/ops/broadcast-binary.js';
import type { Tensor } from '../tensor/tensor.js';
import { sumTo } from './broadcast.js';
import { Function, operandPair } from './function.js';
import type { Operand, Variable } from './variable.js';

/**
 * Addition node: y = a + b (broadcast). The gradient passes through unchanged to both inputs,
 * summed back over any axis that broadcasting stretched: ga = sumTo(gy, a.shape), gb likewise.
 * Shapes: a, b broadcastable → their broadcast shape. Book: AddLayer (ch05 §5.3.1, §5.4.2); DeZero's Add.
 */
export class Add extends Function {
  readonly name = 'Add';
  override get label(): string {
    return '+';
  }
  forward([a, b]: Tensor[]): Tensor {
    return broadcastBinary('add', a, b);
  }
  backward(gy: Variable): Variable[] {
    return [sumTo(gy, this.input(0).shape), sumTo(gy, this.input(1).shape)];
  }
}

/**
 * a + b as a graph node (numbers and Tensors become constants).
 * Shapes: as Add. Book: a + b in DeZero.
 * @example add(new Variable(200), 450).item()  // 650
 */
export function add(a: Operand, b: Operand): Variable {
  return new Add().apply(...operandPair('add', a, b));
}
