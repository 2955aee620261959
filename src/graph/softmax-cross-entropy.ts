import { toClassIndices, type ClassTarget } from '../losses/labels.js';
import { rowsCols } from '../tensor/ops/check.js';
import { softmaxCrossEntropy as fusedLoss } from '../tensor/ops/softmax-rows.js';
import { full, zeros } from '../tensor/creation.js';
import type { Tensor } from '../tensor/tensor.js';
import { add } from './add.js';
import { div } from './div.js';
import { asVariable, Function } from './function.js';
import { mul } from './mul.js';
import { softmax } from './softmax.js';
import { sub } from './sub.js';
import { sum } from './sum.js';
import { Variable, type Operand } from './variable.js';

/** The book's log guard: log(y + δ) never sees log 0 (as SoftmaxWithLoss). */
const DELTA = 1e-7;

/**
 * Softmax then cross-entropy, fused as the SoftmaxWithLoss layer does, with the same loss:
 *   y = softmax(x) row-wise,  L = −(1/N) Σₙ log(y[n, tₙ] + δ),  δ = 1e-7;
 *   gx = gy · (y − onehot(t)) / N · y_t / (y_t + δ),
 * the exact derivative of that loss (the last factor is δ's; the book's (y − t)/N drops it).
 * Backward recomputes y with the Softmax node, so a second derivative is exact too.
 * Labels: class indices (N) or one-hot rows (N, C).
 * Shapes: x (N, C) or (C), t (N) or (N, C) → a 0-d scalar. Book: SoftmaxWithLoss (ch05 §5.6.3);
 * DeZero's softmax_cross_entropy.
 */
export class SoftmaxCrossEntropy extends Function {
  readonly name = 'SoftmaxCrossEntropy';
  readonly labels: Int32Array;
  constructor(labels: Int32Array) {
    super();
    this.labels = labels;
  }
  forward([x]: Tensor[]): Tensor {
    return full([], fusedLoss(x, this.labels).loss, { dtype: x.dtype });
  }
  backward(gy: Variable): Variable[] {
    const x = this.input(0);
    const [rows, cols] = rowsCols('SoftmaxCrossEntropy.backward', x.data);
    const oneHot = zeros(x.shape, { dtype: x.dtype });
    const d = oneHot.data;
    for (let r = 0; r < rows; r++) d[r * cols + this.labels[r]] = 1;
    const t = new Variable(oneHot);
    const y = softmax(x);
    const yt = sum(mul(y, t), -1, true);
    const factor = div(yt, add(yt, DELTA));
    return [mul(mul(sub(y, t), factor), div(gy, rows))];
  }
}

/**
 * The softmax cross-entropy loss of logits x against labels t, as one graph node.
 * Shapes: x (N, C) or (C), t (N) indices or (N, C) one-hot → a 0-d scalar.
 * Book: SoftmaxWithLoss (ch05 §5.6.3); DeZero's softmax_cross_entropy.
 * @example softmaxCrossEntropy(new Variable([[0, 0]]), [1]).item()  // 0.6931469805599654
 */
export function softmaxCrossEntropy(x: Operand, t: ClassTarget): Variable {
  const v = asVariable('softmaxCrossEntropy', x);
  const [rows, cols] = rowsCols('softmaxCrossEntropy', v.data);
  const labels = toClassIndices('softmaxCrossEntropy', t, rows, cols, { arg: 't' });
  return new SoftmaxCrossEntropy(labels).apply(v);
}
