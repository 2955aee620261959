import { getBackend } from '../../backend/registry.js';
import type { Tensor } from '../tensor.js';
import { firstBadClassIndex, outFor, rowsCols } from './check.js';

/**
 * Fused softmax + cross-entropy error over rows, the kernel behind SoftmaxWithLoss:
 *   y = softmax(x),  L = −(1/N) Σₙ log(y[n, tₙ] + 1e-7).
 * Writes y into `y` (reused) and returns L. Labels must be class indices (toClassIndices makes
 * them from other forms); a label outside 0..C−1 throws.
 * Shapes: x (N, C) or (C), labels (N) indices, y like x. Book: SoftmaxWithLoss.forward (ch05).
 * @example softmaxCrossEntropy(tensor([[0, 0]]), Int32Array.of(1)).loss; // → 0.6931469805599654
 */
export function softmaxCrossEntropy(
  x: Tensor,
  labels: Int32Array,
  y?: Tensor,
): { loss: number; y: Tensor } {
  const [rows, cols] = rowsCols('softmaxCrossEntropy', x);
  checkLabels('softmaxCrossEntropy', labels, rows, cols);
  const out = outFor('softmaxCrossEntropy', y, x.shape, x.dtype);
  const total = getBackend().softmaxCrossEntropy(rows, cols, x.storage, labels, out.storage);
  return { loss: total / rows, y: out };
}

/**
 * Backward of the fused softmax + cross-entropy: dx = dout·(y − onehot(t)) / N.
 * Shapes: y (N, C), labels (N), dx (N, C). Book: SoftmaxWithLoss.backward (ch05).
 * @example softmaxCrossEntropyBackward(tensor([[0.5, 0.5]]), Int32Array.of(1)).toArray(); // → [[0.5, -0.5]]
 */
export function softmaxCrossEntropyBackward(
  y: Tensor,
  labels: Int32Array,
  dout = 1,
  dx?: Tensor,
): Tensor {
  const [rows, cols] = rowsCols('softmaxCrossEntropyBackward', y);
  checkLabels('softmaxCrossEntropyBackward', labels, rows, cols);
  const out = outFor('softmaxCrossEntropyBackward', dx, y.shape, y.dtype);
  getBackend().softmaxCrossEntropyBackward(rows, cols, y.storage, labels, dout / rows, out.storage);
  return out;
}

/**
 * Keeps the kernels inside each row: these ops are public, and a kernel indexes y with the label.
 * Labels from users are normalised with their own messages by toClassIndices; this is the same
 * rule (firstBadClassIndex) at the kernel boundary.
 */
function checkLabels(op: string, labels: Int32Array, rows: number, cols: number): void {
  if (labels.length < rows) {
    throw new RangeError(
      `${op}: labels: expected ${rows} class indices (one per row), got ${labels.length}`,
    );
  }
  const bad = firstBadClassIndex(labels, rows, cols);
  if (bad >= 0) {
    throw new RangeError(
      `${op}: labels[${bad}]: expected a class index in 0..${cols - 1}, got ${labels[bad]}`,
    );
  }
}

/**
 * Row-wise softmax: y[n, k] = exp(x[n, k] − maxₖ x[n, ·]) / Σⱼ exp(x[n, j] − maxₖ x[n, ·]).
 * Subtracting the row max keeps exp from overflowing (logits of 1000 give no NaN).
 * Shapes: x (C) or (N, C) → same. Book: softmax (ch03).
 * @example softmaxRows(tensor([[1000, 1000]])).toArray(); // → [[0.5, 0.5]]
 */
export function softmaxRows(x: Tensor, out?: Tensor): Tensor {
  const [rows, cols] = rowsCols('softmax', x);
  const o = outFor('softmax', out, x.shape, x.dtype);
  getBackend().softmaxRows(rows, cols, x.storage, o.storage);
  return o;
}
