import { fmtShape, type NestedArray, type Tensor } from '../tensor/tensor.js';
import { toClassIndices, type ClassTarget } from './labels.js';
import { readLossData } from './loss-data.js';
import { LossInputError } from './loss-error.js';
import { pairwiseSum } from './pairwise-sum.js';

/** The book's δ: log(0) = −∞ would stop training, so a tiny amount is added before the log. */
const DELTA = 1e-7;

/**
 * The book's cross-entropy error on probabilities y (e.g. a softmax output), averaged over the batch:
 *   E = −(1/N)·Σₙ Σₖ tₙₖ·log(yₙₖ + 1e-7) = −(1/N)·Σₙ log(y[n, tₙ] + 1e-7).
 * A 1-D y is one row (a batch of 1). Labels are one-hot rows or class indices, normalised by
 * toClassIndices (the book's `t.size == y.size` rule). Summed in NumPy's pairwise order, so the
 * book's printed numbers come out exactly.
 * Likelihood: −log Categorical(t | y), the classification loss (docs/math.md §3). PyTorch's
 * crossEntropyLoss takes logits and has no 1e-7; the two differ by about 1e-7.
 * Shapes: y (N, C) or (C); t (N, C) / (C) one-hot or (N) / () indices → a number.
 * Book: cross_entropy_error (ch04 §4.2.2 and §4.2.4, common/functions.py).
 * @example
 * const t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0];
 * crossEntropyError([0.1, 0.05, 0.6, 0, 0.05, 0.1, 0, 0.1, 0, 0], t); // → 0.510825457099338
 * crossEntropyError([0.1, 0.05, 0.1, 0, 0.05, 0.1, 0, 0.6, 0, 0], 2); // → 2.302584092994546
 */
export function crossEntropyError(y: Tensor | NestedArray, t: ClassTarget): number {
  const where = 'crossEntropyError';
  const yd = readLossData(where, 'y', y);
  if (yd.shape.length !== 1 && yd.shape.length !== 2) {
    throw new LossInputError(
      where,
      'y',
      'probabilities of shape (C) or (N, C)',
      fmtShape(yd.shape),
    );
  }
  const [rows, classes] = yd.shape.length === 1 ? [1, yd.shape[0]] : yd.shape;
  const labels = toClassIndices(where, t, rows, classes, { arg: 't' });
  const logs = new Float64Array(rows);
  for (let n = 0; n < rows; n++) logs[n] = Math.log(yd.data[n * classes + labels[n]] + DELTA);
  return -pairwiseSum(logs) / rows;
}
