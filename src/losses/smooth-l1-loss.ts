import type { NestedArray, Tensor } from '../tensor/tensor.js';
import { elementwiseTerms } from './elementwise.js';
import { evaluateLoss, Loss, type LossSpec } from './loss.js';
import { numberOption } from './loss-options.js';
import type { LossValue, Reduction, ReductionOptions } from './reduction.js';

/** Options of {@link smoothL1Loss} and {@link SmoothL1Loss}. */
export interface SmoothL1LossOptions<R extends Reduction = Reduction> extends ReductionOptions<R> {
  /** Where the quadratic part turns linear; must be ≥ 0 (0 gives exactly L1). Default 1. */
  beta?: number;
}

const spec: LossSpec<Tensor | NestedArray, SmoothL1LossOptions, number> = {
  fn: 'smoothL1Loss',
  cls: 'SmoothL1Loss',
  resolve: (where, o) =>
    numberOption(where, 'beta', o.beta, 1, (b) => b >= 0 && b < Infinity, 'a finite number ≥ 0'),
  terms: (where, x, t, beta) =>
    elementwiseTerms(
      where,
      x,
      t,
      (a, b) => {
        const z = Math.abs(a - b);
        return z < beta ? (0.5 * z * z) / beta : z - 0.5 * beta;
      },
      // β = 0 is L1 (PyTorch then calls l1_loss), whose slope at d = 0 is sign(0) = 0.
      (a, b) => (beta === 0 ? Math.sign(a - b) : Math.min(1, Math.max(-1, (a - b) / beta))),
    ),
};

/**
 * Smooth L1 loss (PyTorch's smooth_l1_loss, the Fast R-CNN box loss): with d = xᵢ − yᵢ,
 *   ℓᵢ = ½d²/β       if |d| < β
 *   ℓᵢ = |d| − ½β    otherwise,
 * then the mean over all elements. β = 0 is exactly L1; SmoothL1(β) = Huber(δ = β)/β.
 * Likelihood: like Huber, a Gaussian core with Laplace tails (up to scale and normalisation).
 * ∂ℓᵢ/∂xᵢ = clamp(d/β, −1, 1) (sign(d) for β = 0).
 * Shapes: input (*), target (*) the same shape → a number, or (*) for 'none'. Default β = 1.
 * @example smoothL1Loss([0, 0], [0.5, 3], { beta: 2 }); // → 1.03125
 */
export function smoothL1Loss<R extends Reduction = 'mean'>(
  input: Tensor | NestedArray,
  target: Tensor | NestedArray,
  options: SmoothL1LossOptions<R> = {},
): LossValue<R> {
  return evaluateLoss(spec, input, target, options);
}

/**
 * The class form of {@link smoothL1Loss} (PyTorch's torch.nn.SmoothL1Loss), with backward.
 * @example
 * const loss = new SmoothL1Loss({ reduction: 'none' });
 * loss.forward([0, 0], [0.5, 3]).toArray(); // → [0.125, 2.5]
 * loss.backward([1, 1]).toArray(); // → [-0.5, -1]
 */
export class SmoothL1Loss<R extends Reduction = 'mean'> extends Loss<
  Tensor | NestedArray,
  SmoothL1LossOptions,
  number,
  R
> {
  constructor(options: SmoothL1LossOptions<R> = {}) {
    super(spec, options);
  }
}
