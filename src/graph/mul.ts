import { broadcastBinary } from '../tensor/ops/broadcast-binary.js';
import type { Tensor } from '../tensor/tensor.js';
import { sumTo } from './broadcast.js';
import { Function, operandPair } from './function.js';
import type { Operand, Variable } from './variable.js';

/**
 * Multiplication node: y = a ⊙ b (broadcast). Each input gets the upstream gradient times the
 * other input (the inputs swap places): ga = sumTo(gy ⊙ b, a.shape), gb = sumTo(gy ⊙ a, b.shape).
 * Shapes: a, b broadcastable → their broadcast shape. Book: MulLayer (ch05 §5.3.2, §5.4.1); DeZero's Mul.
 */
export class Mul extends Function {
  readonly name = 'Mul';
  override get label(): string {
    return '×';
  }
  forward([a, b]: Tensor[]): Tensor {
    return broadcastBinary('mul', a, b);
  }
  backward(gy: Variable): Variable[] {
    const [a, b] = this.inputs;
    return [sumTo(mul(gy, b), a.shape), sumTo(mul(gy, a), b.shape)];
  }
}

/**
 * a ⊙ b as a graph node (numbers and Tensors become constants).
 * Shapes: as Mul. Book: a * b in DeZero; buy_apple.py's mul_apple_layer.
 * @example mul(new Variable(100), 2).item()  // 200
 */
export function mul(a: Operand, b: Operand): Variable {
  return new Mul().apply(...operandPair('mul', a, b));
}
