import type { NestedArray, Tensor } from '../tensor/tensor.js';
import { assertSameLossShape, readLossData } from './loss-data.js';
import { pairwiseSum } from './pairwise-sum.js';

/**
 * The book's sum of squares error: E = ½·Σₖ (yₖ − tₖ)², summed over every element of the input
 * (a whole batch included), with no mean. Summed in NumPy's pairwise order, so the book's printed
 * numbers come out exactly (0.09750000000000003 for the book's first §4.2.1 example).
 * Likelihood: −log N(t | y, σ² = 1) up to the constant ½·log 2π per element (docs/math.md §3): the
 * regression loss. PyTorch's mseLoss differs: no ½, and a mean over the elements.
 * Shapes: y (*), t (*) the same shape (t one-hot for classification) → a number.
 * Book: sum_squares_error (ch04 §4.2.1; named mean_squared_error in the Korean edition).
 * @example
 * const t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0];
 * sumSquaresError([0.1, 0.05, 0.6, 0, 0.05, 0.1, 0, 0.1, 0, 0], t); // → 0.09750000000000003
 * sumSquaresError([0.1, 0.05, 0.1, 0, 0.05, 0.1, 0, 0.6, 0, 0], t); // → 0.5975
 */
export function sumSquaresError(y: Tensor | NestedArray, t: Tensor | NestedArray): number {
  const yd = readLossData('sumSquaresError', 'y', y);
  const td = readLossData('sumSquaresError', 't', t);
  assertSameLossShape('sumSquaresError', yd, td, 't');
  const squares = yd.data.map((v, i) => (v - td.data[i]) * (v - td.data[i]));
  return 0.5 * pairwiseSum(squares);
}
