import { log as logTensor } from '../tensor/ops/unary.js';
import type { Tensor } from '../tensor/tensor.js';
import { div } from './div.js';
import { asVariable, Function } from './function.js';
import type { Operand, Variable } from './variable.js';

/**
 * Natural-log node: y = ln x; gx = gy / x.
 * Shapes: any → same. Book: DeZero's Log.
 */
export class Log extends Function {
  readonly name = 'Log';
  forward([x]: Tensor[]): Tensor {
    return logTensor(x);
  }
  backward(gy: Variable): Variable[] {
    return [div(gy, this.input(0))];
  }
}

/**
 * ln x as a graph node.
 * Shapes: any → same. Book: DeZero's log.
 * @example log(new Variable(1)).item()  // 0
 */
export function log(x: Operand): Variable {
  return new Log().apply(asVariable('log', x));
}
