import { pow as powTensor } from '../tensor/ops/math.js';
import type { Tensor } from '../tensor/tensor.js';
import { asVariable, Function } from './function.js';
import { GraphError } from './graph-error.js';
import { mul } from './mul.js';
import type { Operand, Variable } from './variable.js';

/**
 * Power node for a constant exponent: y = xᶜ; gx = gy ⊙ c·xᶜ⁻¹.
 * Shapes: any → same. Book: DeZero's Pow.
 */
export class Pow extends Function {
  readonly name = 'Pow';
  constructor(readonly c: number) {
    super();
  }
  override get label(): string {
    return `**${this.c}`;
  }
  forward([x]: Tensor[]): Tensor {
    return powTensor(x, this.c);
  }
  backward(gy: Variable): Variable[] {
    return [mul(gy, mul(pow(this.input(0), this.c - 1), this.c))];
  }
}

/**
 * xᶜ as a graph node, for a constant number c.
 * Shapes: any → same. Book: x ** c in DeZero.
 * @example pow(new Variable(3), 2).item()  // 9
 */
export function pow(x: Operand, c: number): Variable {
  if (typeof c !== 'number' || !Number.isFinite(c)) {
    throw new GraphError(`pow: the exponent must be a finite number, got ${String(c)}`);
  }
  return new Pow(c).apply(asVariable('pow', x));
}
