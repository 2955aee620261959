import { getBackend } from '../../backend/registry.js';
import { fmtShape, type Tensor } from '../tensor.js';
import { assertSameDType, outFor } from './check.js';

/** Rows and columns of a 1-D (one row) or 2-D tensor. */
export function rowsCols(op: string, x: Tensor): [number, number] {
  if (x.ndim === 1) return [1, x.shape[0]];
  if (x.ndim === 2) return [x.shape[0], x.shape[1]];
  throw new RangeError(`${op}: expected a 1-D or 2-D tensor, got ${fmtShape(x.shape)}`);
}

/**
 * Fused softmax + cross-entropy error over rows, the kernel behind SoftmaxWithLoss:
 *   y = softmax(x),  L = −(1/N) Σₙ log(y[n, tₙ] + 1e-7).
 * Writes y into `y` (reused) and returns L. Shapes: x (N, C), labels (N) indices, y (N, C).
 */
export function softmaxCrossEntropy(x: Tensor, labels: Int32Array, y?: Tensor): { loss: number; y: Tensor } {
  const [rows, cols] = rowsCols('softmaxCrossEntropy', x);
  checkLabels('softmaxCrossEntropy', labels, rows, cols);
  const out = outFor('softmaxCrossEntropy', y, x.shape, x.dtype);
  const total = getBackend().softmaxCrossEntropy(rows, cols, x.storage, labels, out.storage);
  return { loss: total / rows, y: out };
}

/**
 * Backward of the fused softmax + cross-entropy: dx = dout·(y − onehot(t)) / N.
 * Shapes: y (N, C), labels (N), dx (N, C).
 */
export function softmaxCrossEntropyBackward(y: Tensor, labels: Int32Array, dout = 1, dx?: Tensor): Tensor {
  const [rows, cols] = rowsCols('softmaxCrossEntropyBackward', y);
  checkLabels('softmaxCrossEntropyBackward', labels, rows, cols);
  const out = outFor('softmaxCrossEntropyBackward', dx, y.shape, y.dtype);
  assertSameDType('softmaxCrossEntropyBackward', y, out);
  getBackend().softmaxCrossEntropyBackward(rows, cols, y.storage, labels, dout / rows, out.storage);
  return out;
}

function checkLabels(op: string, labels: Int32Array, rows: number, cols: number): void {
  if (labels.length < rows) throw new RangeError(`${op}: ${labels.length} labels for ${rows} rows`);
  for (let i = 0; i < rows; i++) {
    const t = labels[i];
    if (t < 0 || t >= cols) throw new RangeError(`${op}: label ${t} at row ${i} is outside 0..${cols - 1}`);
  }
}

/**
 * Row-wise softmax: y[n, k] = exp(x[n, k] − maxₖ x[n, ·]) / Σⱼ exp(x[n, j] − maxₖ x[n, ·]).
 * Subtracting the row max keeps exp from overflowing (logits of 1000 give no NaN).
 * Shapes: x (C) or (N, C) → same.
 */
export function softmaxRows(x: Tensor, out?: Tensor): Tensor {
  const [rows, cols] = rowsCols('softmax', x);
  const o = outFor('softmax', out, x.shape, x.dtype);
  getBackend().softmaxRows(rows, cols, x.storage, o.storage);
  return o;
}
