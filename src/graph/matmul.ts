import { matmul as matmulTensor } from '../tensor/ops/matmul.js';
import { fmtShape, type Tensor } from '../tensor/tensor.js';
import { Function, operandPair } from './function.js';
import { GraphError } from './graph-error.js';
import type { Operand, Variable } from './variable.js';

/**
 * Matrix-product node: y = op(a)·op(b), op transposing when asked (without copying).
 * With A = op(a), B = op(b): gA = gy·Bᵀ and gB = Aᵀ·gy, themselves products with transposed
 * operands, so backward never materialises a transpose: ga = gy·op(b)ᵀ (or op(b)·gyᵀ when a is
 * transposed), gb = op(a)ᵀ·gy (or gyᵀ·op(a)).
 * Shapes: op(a) (M, K), op(b) (K, N) → (M, N). Book: np.dot and Affine's dx, dW (ch05 §5.6.1); DeZero's MatMul.
 */
export class MatMul extends Function {
  readonly name = 'MatMul';
  constructor(
    readonly transA = false,
    readonly transB = false,
  ) {
    super();
  }
  override get label(): string {
    return 'dot';
  }
  forward([a, b]: Tensor[]): Tensor {
    return matmulTensor(a, b, { transA: this.transA, transB: this.transB });
  }
  backward(gy: Variable): (Variable | null)[] {
    const [a, b] = this.inputs;
    const { transA: ta, transB: tb } = this;
    const ga = !this.wantsGrad(0)
      ? null
      : ta
        ? product(b, gy, tb, true)
        : product(gy, b, false, !tb);
    const gb = !this.wantsGrad(1)
      ? null
      : tb
        ? product(gy, a, true, ta)
        : product(a, gy, !ta, false);
    return [ga, gb];
  }
}

/** op(a)·op(b) as a graph node (the transposed forms appear in backward). */
export function product(a: Variable, b: Variable, transA: boolean, transB: boolean): Variable {
  return new MatMul(transA, transB).apply(a, b);
}

/**
 * The matrix product a·b of 2-D operands as a graph node; other ranks, or inner sizes that
 * differ, throw naming both shapes.
 * Shapes: a (M, K), b (K, N) → (M, N). Book: np.dot(x, W); DeZero's matmul.
 * @example matmul(new Variable([[1, 2]]), new Variable([[3], [4]])).data.toArray()  // [[11]]
 */
export function matmul(a: Operand, b: Operand): Variable {
  const [va, vb] = operandPair('matmul', a, b);
  if (va.ndim !== 2 || vb.ndim !== 2 || va.shape[1] !== vb.shape[0]) {
    throw new GraphError(
      `matmul: expected 2-D operands (M, K) · (K, N), got ${fmtShape(va.shape)} · ${fmtShape(vb.shape)}`,
    );
  }
  return product(va, vb, false, false);
}
