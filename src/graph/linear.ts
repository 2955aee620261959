import { broadcastBinary } from '../tensor/ops/broadcast-binary.js';
import { matmul } from '../tensor/ops/matmul.js';
import { fmtShape, type Tensor } from '../tensor/tensor.js';
import { sumTo } from './broadcast.js';
import { asVariable, Function } from './function.js';
import { GraphError } from './graph-error.js';
import { product } from './matmul.js';
import type { Operand, Variable } from './variable.js';

/**
 * Fully connected node: y = x·W + b (b optional), one node instead of MatMul then Add;
 * gx = gy·Wᵀ, gW = xᵀ·gy, gb = Σₙ gy[n, ·].
 * Shapes: x (N, D), W (D, M), b (M) → (N, M). Book: Affine (ch05 §5.6.2); DeZero's Linear.
 */
export class Linear extends Function {
  readonly name = 'Linear';
  forward([x, W, b]: Tensor[]): Tensor {
    const y = matmul(x, W);
    return b === undefined ? y : broadcastBinary('add', y, b);
  }
  backward(gy: Variable): (Variable | null)[] {
    const [x, W, b] = this.inputs;
    const gx = this.wantsGrad(0) ? product(gy, W, false, true) : null;
    const gW = this.wantsGrad(1) ? product(x, gy, true, false) : null;
    return b === undefined ? [gx, gW] : [gx, gW, sumTo(gy, b.shape)];
  }
}

/**
 * x·W + b as one graph node (b may be omitted); shapes that do not fit throw naming all three.
 * Shapes: x (N, D), W (D, M), b (M) → (N, M). Book: Affine.forward; DeZero's linear.
 * @example linear(new Variable([[1, 1]]), new Variable([[1, 2], [3, 4]]), new Variable([10, 20])).data.toArray()  // [[14, 26]]
 */
export function linear(x: Operand, W: Operand, b?: Operand): Variable {
  const vx = asVariable('linear', x);
  const vW = asVariable('linear', W, vx);
  const vb = b === undefined ? undefined : asVariable('linear', b, vx);
  const m = vW.shape[1];
  const fits =
    vx.ndim === 2 &&
    vW.ndim === 2 &&
    vx.shape[1] === vW.shape[0] &&
    (vb === undefined || (vb.ndim === 1 && vb.shape[0] === m));
  if (!fits) {
    const bs = vb === undefined ? '' : `, b ${fmtShape(vb.shape)}`;
    throw new GraphError(
      `linear: expected x (N, D), W (D, M), b (M), got x ${fmtShape(vx.shape)}, W ${fmtShape(vW.shape)}${bs}`,
    );
  }
  const f = new Linear();
  return vb === undefined ? f.apply(vx, vW) : f.apply(vx, vW, vb);
}
