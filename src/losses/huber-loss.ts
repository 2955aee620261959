import type { NestedArray, Tensor } from '../tensor/tensor.js';
import { elementwiseTerms } from './elementwise.js';
import { evaluateLoss, Loss, type LossSpec } from './loss.js';
import { numberOption } from './loss-options.js';
import type { LossValue, Reduction, ReductionOptions } from './reduction.js';

/** Options of {@link huberLoss} and {@link HuberLoss}. */
export interface HuberLossOptions<R extends Reduction = Reduction> extends ReductionOptions<R> {
  /** Where the quadratic part turns linear; must be > 0. Default 1. */
  delta?: number;
}

const spec: LossSpec<Tensor | NestedArray, HuberLossOptions, number> = {
  fn: 'huberLoss',
  cls: 'HuberLoss',
  resolve: (where, o) =>
    numberOption(where, 'delta', o.delta, 1, (d) => d > 0 && d < Infinity, 'a finite number > 0'),
  terms: (where, x, t, delta) =>
    elementwiseTerms(
      where,
      x,
      t,
      (a, b) => {
        const z = Math.abs(a - b);
        return z < delta ? 0.5 * z * z : delta * (z - 0.5 * delta);
      },
      (a, b) => Math.min(delta, Math.max(-delta, a - b)),
    ),
};

/**
 * Huber loss (PyTorch's huber_loss): with d = xᵢ − yᵢ,
 *   ℓᵢ = ½d²            if |d| < δ
 *   ℓᵢ = δ(|d| − ½δ)    otherwise,
 * then the mean over all elements. Quadratic (MSE-like) near 0 and linear (L1-like) in the tails,
 * so outliers pull with a bounded force δ. Huber(δ) = δ·SmoothL1(β = δ).
 * Likelihood: the negative log of Huber's density, Gaussian in the middle and Laplace in the tails
 * (up to normalisation). ∂ℓᵢ/∂xᵢ = clamp(d, −δ, δ).
 * Shapes: input (*), target (*) the same shape → a number, or (*) for 'none'. Default δ = 1.
 * @example huberLoss([0, 0], [0.5, 3]); // → 1.3125
 */
export function huberLoss<R extends Reduction = 'mean'>(
  input: Tensor | NestedArray,
  target: Tensor | NestedArray,
  options: HuberLossOptions<R> = {},
): LossValue<R> {
  return evaluateLoss(spec, input, target, options);
}

/**
 * The class form of {@link huberLoss} (PyTorch's torch.nn.HuberLoss), with backward.
 * @example
 * const loss = new HuberLoss({ delta: 2, reduction: 'sum' });
 * loss.forward([0, 0], [0.5, 3]); // → 4.125
 * loss.backward().toArray(); // → [-0.5, -2]
 */
export class HuberLoss<R extends Reduction = 'mean'> extends Loss<
  Tensor | NestedArray,
  HuberLossOptions,
  number,
  R
> {
  constructor(options: HuberLossOptions<R> = {}) {
    super(spec, options);
  }
}
