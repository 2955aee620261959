import { broadcastTo as broadcastToTensor, sumTo as sumToTensor } from '../tensor/ops/broadcast.js';
import { sameShape, type Tensor } from '../tensor/tensor.js';
import { asVariable, Function } from './function.js';
import type { Operand, Variable } from './variable.js';

// broadcastTo and sumTo are each other's backward, so they share a file.

/**
 * Stretches x to `shape` by NumPy's rules: y[i…] = x[i…] with stretched axes read at 0.
 * Backward: gx = sumTo(gy, x.shape), the sum over the stretched axes.
 * Shapes: x (broadcastable to shape) → shape. Book: DeZero's BroadcastTo.
 */
export class BroadcastTo extends Function {
  readonly name = 'BroadcastTo';
  constructor(readonly shape: readonly number[]) {
    super();
  }
  forward([x]: Tensor[]): Tensor {
    return broadcastToTensor(x, this.shape);
  }
  backward(gy: Variable): Variable[] {
    return [sumTo(gy, this.input(0).shape)];
  }
}

/**
 * Sums x down to `shape` (leading axes and axes where shape has 1): the reverse of broadcastTo.
 * Backward: gx = broadcastTo(gy, x.shape).
 * Shapes: x (shape broadcast) → shape. Book: DeZero's SumTo.
 */
export class SumTo extends Function {
  readonly name = 'SumTo';
  constructor(readonly shape: readonly number[]) {
    super();
  }
  forward([x]: Tensor[]): Tensor {
    return sumToTensor(x, this.shape);
  }
  backward(gy: Variable): Variable[] {
    return [broadcastTo(gy, this.input(0).shape)];
  }
}

/**
 * x broadcast to `shape` (x itself when it already has that shape).
 * Shapes: x → shape. Book: DeZero's broadcast_to.
 * @example broadcastTo(new Variable([1, 2]), [2, 2]).data.toArray()  // [[1, 2], [1, 2]]
 */
export function broadcastTo(x: Operand, shape: readonly number[]): Variable {
  const v = asVariable('broadcastTo', x);
  return sameShape(v.shape, shape) ? v : new BroadcastTo(shape).apply(v);
}

/**
 * x summed down to `shape` (x itself when it already has that shape): how a gradient gets back
 * to an operand that broadcasting stretched, e.g. a (3) bias added to a (5, 3) input.
 * Shapes: x → shape. Book: DeZero's sum_to.
 * @example sumTo(new Variable([[1, 2], [3, 4]]), [2]).data.toArray()  // [4, 6]
 */
export function sumTo(x: Operand, shape: readonly number[]): Variable {
  const v = asVariable('sumTo', x);
  return sameShape(v.shape, shape) ? v : new SumTo(shape).apply(v);
}
