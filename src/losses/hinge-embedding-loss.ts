import type { NestedArray, Tensor } from '../tensor/tensor.js';
import { elementwiseTerms } from './elementwise.js';
import { evaluateLoss, Loss, type LossSpec } from './loss.js';
import { finite, numberOption } from './loss-options.js';
import type { LossValue, Reduction, ReductionOptions } from './reduction.js';

/** Options of {@link hingeEmbeddingLoss} and {@link HingeEmbeddingLoss}. */
export interface HingeEmbeddingLossOptions<
  R extends Reduction = Reduction,
> extends ReductionOptions<R> {
  /** Δ: inputs of dissimilar pairs (y = −1) are pushed above it. Default 1. */
  margin?: number;
}

const spec: LossSpec<Tensor | NestedArray, HingeEmbeddingLossOptions, number> = {
  fn: 'hingeEmbeddingLoss',
  cls: 'HingeEmbeddingLoss',
  resolve: (where, o) => numberOption(where, 'margin', o.margin, 1, finite, 'a finite number'),
  // ATen's form: where(y ≠ 1, max(0, Δ − x), 0) + where(y ≠ −1, x, 0). A target other than ±1
  // gets both terms; clamp_min passes the gradient where Δ − x ≥ 0 (−1 at the kink itself).
  terms: (where, x, t, margin) =>
    elementwiseTerms(
      where,
      x,
      t,
      (a, y) => (y !== 1 ? Math.max(0, margin - a) : 0) + (y !== -1 ? a : 0),
      (a, y) => (y !== 1 && margin - a >= 0 ? -1 : 0) + (y !== -1 ? 1 : 0),
    ),
};

/**
 * Hinge embedding loss (PyTorch's hinge_embedding_loss), for learning whether two inputs are
 * similar from a distance-like input x (e.g. an L1 distance) and y = 1 (similar) or −1 (dissimilar):
 *   ℓᵢ = xᵢ                  if yᵢ = 1
 *   ℓᵢ = max(0, Δ − xᵢ)      if yᵢ = −1,
 * then the mean over all elements. Computed exactly as ATen does, so any other target value gets
 * both terms. A margin (SVM-style) loss: it is not the negative log of a likelihood.
 * ∂ℓᵢ/∂xᵢ = 1 for y = 1; −1 where Δ − x ≥ 0 and 0 elsewhere for y = −1.
 * Shapes: input (*), target (*) the same shape → a number, or (*) for 'none'. Default Δ = 1.
 * @example hingeEmbeddingLoss([0.3, 0.3], [1, -1])  // 0.5 (= (0.3 + 0.7) / 2)
 */
export function hingeEmbeddingLoss<R extends Reduction = 'mean'>(
  input: Tensor | NestedArray,
  target: Tensor | NestedArray,
  options: HingeEmbeddingLossOptions<R> = {},
): LossValue<R> {
  return evaluateLoss(spec, input, target, options);
}

/**
 * The class form of {@link hingeEmbeddingLoss} (PyTorch's torch.nn.HingeEmbeddingLoss), with backward.
 * @example
 * const loss = new HingeEmbeddingLoss({ margin: 2, reduction: 'sum' });
 * loss.forward([0.3, 0.3], [1, -1]); // → 2
 * loss.backward().toArray(); // → [1, -1]
 */
export class HingeEmbeddingLoss<R extends Reduction = 'mean'> extends Loss<
  Tensor | NestedArray,
  HingeEmbeddingLossOptions,
  number,
  R
> {
  constructor(options: HingeEmbeddingLossOptions<R> = {}) {
    super(spec, options);
  }
}
