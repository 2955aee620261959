import type { NestedArray, Tensor } from '../tensor/tensor.js';
import { elementwiseTerms } from './elementwise.js';
import { evaluateLoss, Loss, type LossSpec } from './loss.js';
import type { LossValue, Reduction, ReductionOptions } from './reduction.js';

/** Options of {@link l1Loss} and {@link L1Loss}: only `reduction` (default 'mean'). */
export type L1LossOptions<R extends Reduction = Reduction> = ReductionOptions<R>;

const spec: LossSpec<Tensor | NestedArray, L1LossOptions, undefined> = {
  fn: 'l1Loss',
  cls: 'L1Loss',
  resolve: () => undefined,
  // sign(0) = 0 at the kink, as PyTorch's sgn.
  terms: (where, x, t) =>
    elementwiseTerms(
      where,
      x,
      t,
      (a, b) => Math.abs(a - b),
      (a, b) => Math.sign(a - b),
    ),
};

/**
 * Mean absolute error (PyTorch's l1_loss): ℓᵢ = |xᵢ − yᵢ|, then the mean over all elements.
 * Likelihood: the negative log of a Laplace density (μ = x, b = 1): |y − x| + log 2, so L1 is the
 * heavy-tailed counterpart of MSE and fits the median instead of the mean.
 * ∂ℓᵢ/∂xᵢ = sign(xᵢ − yᵢ), 0 where xᵢ = yᵢ.
 * Shapes: input (*), target (*) the same shape → a number, or (*) for 'none'.
 * @example l1Loss([1, 2, 3], [1, 2, 5]); // → 0.6666666666666666
 */
export function l1Loss<R extends Reduction = 'mean'>(
  input: Tensor | NestedArray,
  target: Tensor | NestedArray,
  options: L1LossOptions<R> = {},
): LossValue<R> {
  return evaluateLoss(spec, input, target, options);
}

/**
 * The class form of {@link l1Loss} (PyTorch's torch.nn.L1Loss), with backward.
 * @example
 * const loss = new L1Loss({ reduction: 'sum' });
 * loss.forward([1, 2, 3], [1, 2, 5]); // → 2
 * loss.backward().toArray(); // → [0, 0, -1]
 */
export class L1Loss<R extends Reduction = 'mean'> extends Loss<
  Tensor | NestedArray,
  L1LossOptions,
  undefined,
  R
> {
  constructor(options: L1LossOptions<R> = {}) {
    super(spec, options);
  }
}
