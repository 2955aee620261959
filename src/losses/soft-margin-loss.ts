import type { NestedArray, Tensor } from '../tensor/tensor.js';
import { elementwiseTerms } from './elementwise.js';
import { sigmoid, softplus } from './logistic.js';
import { evaluateLoss, Loss, type LossSpec } from './loss.js';
import type { LossValue, Reduction, ReductionOptions } from './reduction.js';

/** Options of {@link softMarginLoss} and {@link SoftMarginLoss}: only `reduction` (default 'mean'). */
export type SoftMarginLossOptions<R extends Reduction = Reduction> = ReductionOptions<R>;

const spec: LossSpec<Tensor | NestedArray, SoftMarginLossOptions, undefined> = {
  fn: 'softMarginLoss',
  cls: 'SoftMarginLoss',
  resolve: () => undefined,
  terms: (where, x, t) =>
    elementwiseTerms(
      where,
      x,
      t,
      // log(1 + e⁻ʸˣ) as a stable softplus, where PyTorch's log1p(exp(−yx)) overflows.
      (a, y) => softplus(-y * a),
      (a, y) => -y * sigmoid(-y * a),
    ),
};

/**
 * Soft-margin loss (PyTorch's soft_margin_loss), the logistic loss of a two-class problem with
 * labels y ∈ {−1, 1}: ℓᵢ = log(1 + exp(−yᵢxᵢ)), then the mean over all elements.
 * Likelihood: −log σ(y·x), the negative log of a Bernoulli whose probability of class +1 is σ(x):
 * BCEWithLogits with labels written as ±1 instead of {0, 1}. A smooth version of the SVM hinge.
 * ∂ℓᵢ/∂xᵢ = −yᵢ·σ(−yᵢxᵢ).
 * PyTorch evaluates log1p(exp(−yx)) as written, which overflows to ∞ once −yx ≳ 709 in float64;
 * here the same value is computed as a stable softplus, so very wrong logits give a finite loss.
 * Shapes: input (*), target (*) the same shape → a number, or (*) for 'none'.
 * @example softMarginLoss([0], [1])  // 0.6931471805599453 (log 2)
 */
export function softMarginLoss<R extends Reduction = 'mean'>(
  input: Tensor | NestedArray,
  target: Tensor | NestedArray,
  options: SoftMarginLossOptions<R> = {},
): LossValue<R> {
  return evaluateLoss(spec, input, target, options);
}

/**
 * The class form of {@link softMarginLoss} (PyTorch's torch.nn.SoftMarginLoss), with backward.
 * @example
 * const loss = new SoftMarginLoss();
 * loss.forward([0, 0], [1, -1]); // → 0.6931471805599453
 * loss.backward().toArray(); // → [-0.25, 0.25]
 */
export class SoftMarginLoss<R extends Reduction = 'mean'> extends Loss<
  Tensor | NestedArray,
  SoftMarginLossOptions,
  undefined,
  R
> {
  constructor(options: SoftMarginLossOptions<R> = {}) {
    super(spec, options);
  }
}
