import type { NestedArray, Tensor } from '../tensor/tensor.js';
import { elementwiseTerms } from './elementwise.js';
import { evaluateLoss, Loss, type LossSpec } from './loss.js';
import type { LossValue, Reduction, ReductionOptions } from './reduction.js';

/** Options of {@link mseLoss} and {@link MSELoss}: only `reduction` (default 'mean'). */
export type MSELossOptions<R extends Reduction = Reduction> = ReductionOptions<R>;

const spec: LossSpec<Tensor | NestedArray, MSELossOptions, undefined> = {
  fn: 'mseLoss',
  cls: 'MSELoss',
  resolve: () => undefined,
  terms: (where, x, t) =>
    elementwiseTerms(
      where,
      x,
      t,
      (a, b) => (a - b) * (a - b),
      (a, b) => 2 * (a - b),
    ),
};

/**
 * Mean squared error (PyTorch's mse_loss): ℓᵢ = (xᵢ − yᵢ)², then the mean over all elements.
 * Unlike the book's sum_squares_error there is no ½ and the mean runs over every element, not per row.
 * Likelihood: the negative log of a Gaussian N(y | μ = x, σ² = ½), up to a constant (docs/math.md §3:
 * a continuous target with Gaussian noise gives MSE). ∂ℓᵢ/∂xᵢ = 2(xᵢ − yᵢ).
 * Shapes: input (*), target (*) the same shape → a number, or (*) for 'none'.
 * @example mseLoss([1, 2, 3], [1, 2, 5]); // → 1.3333333333333333
 */
export function mseLoss<R extends Reduction = 'mean'>(
  input: Tensor | NestedArray,
  target: Tensor | NestedArray,
  options: MSELossOptions<R> = {},
): LossValue<R> {
  return evaluateLoss(spec, input, target, options);
}

/**
 * The class form of {@link mseLoss} (PyTorch's torch.nn.MSELoss), with backward.
 * @example
 * const loss = new MSELoss();
 * loss.forward([1, 2, 3], [1, 2, 5]); // → 1.3333333333333333
 * loss.backward().toArray(); // → [0, 0, -1.3333333333333333]
 */
export class MSELoss<R extends Reduction = 'mean'> extends Loss<
  Tensor | NestedArray,
  MSELossOptions,
  undefined,
  R
> {
  constructor(options: MSELossOptions<R> = {}) {
    super(spec, options);
  }
}
