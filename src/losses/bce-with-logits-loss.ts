import type { NestedArray, Tensor } from '../tensor/tensor.js';
import { broadcastWeight } from './loss-data.js';
import { elementwiseTerms } from './elementwise.js';
import { logSigmoid, sigmoid } from './logistic.js';
import { evaluateLoss, Loss, type LossSpec } from './loss.js';
import type { LossValue, Reduction, ReductionOptions } from './reduction.js';

/** Options of {@link bceWithLogitsLoss} and {@link BCEWithLogitsLoss}. */
export interface BCEWithLogitsLossOptions<
  R extends Reduction = Reduction,
> extends ReductionOptions<R> {
  /** A rescaling weight per element, broadcast to the input's shape. Default none. */
  weight?: Tensor | NestedArray;
  /** pos_weight: the weight of positive examples, broadcast to the input (usually (C) for (N, C)). Default none. */
  posWeight?: Tensor | NestedArray;
}

const spec: LossSpec<Tensor | NestedArray, BCEWithLogitsLossOptions, BCEWithLogitsLossOptions> = {
  fn: 'bceWithLogitsLoss',
  cls: 'BCEWithLogitsLoss',
  resolve: (_where, o) => o,
  terms: (where, x, t, o) => {
    const w = broadcastWeight(where, 'options.weight', o.weight, x.shape);
    const p = broadcastWeight(where, 'options.posWeight', o.posWeight, x.shape);
    // With pos_weight p the log σ(x) term is scaled by 1 + (p − 1)·y (ATen's log_weight).
    const logWeight = (y: number, i: number): number => (p === undefined ? 1 : (p[i] - 1) * y + 1);
    return elementwiseTerms(
      where,
      x,
      t,
      (a, y, i) => {
        const l = (1 - y) * a - logWeight(y, i) * logSigmoid(a);
        return w === undefined ? l : l * w[i];
      },
      (a, y, i) => {
        const d = logWeight(y, i) * sigmoid(a) - (p === undefined ? y : p[i] * y);
        return w === undefined ? d : d * w[i];
      },
    );
  },
};

/**
 * Binary cross-entropy on logits (PyTorch's binary_cross_entropy_with_logits), BCELoss(σ(x), y)
 * fused into one stable formula:
 *   ℓᵢ = wᵢ·[(1 − yᵢ)·xᵢ − (1 + (pᵢ − 1)·yᵢ)·log σ(xᵢ)]
 *      = −wᵢ·[pᵢ·yᵢ·log σ(xᵢ) + (1 − yᵢ)·log(1 − σ(xᵢ))],
 * then the mean over all elements. log σ is computed without overflow, so logits of ±1000 are fine.
 * `posWeight` p > 1 raises recall, p < 1 precision (per class when broadcast over the last dim).
 * Likelihood: the negative log of a Bernoulli(y | σ(x)), logistic regression's loss.
 * ∂ℓᵢ/∂xᵢ = wᵢ·[(1 + (pᵢ − 1)yᵢ)·σ(xᵢ) − pᵢyᵢ] (σ(x) − y without weights).
 * Shapes: input (*), target (*) the same shape; weight, posWeight broadcastable to (*) → a number,
 * or (*) for 'none'.
 * @example bceWithLogitsLoss([0], [1]); // → 0.6931471805599453
 */
export function bceWithLogitsLoss<R extends Reduction = 'mean'>(
  input: Tensor | NestedArray,
  target: Tensor | NestedArray,
  options: BCEWithLogitsLossOptions<R> = {},
): LossValue<R> {
  return evaluateLoss(spec, input, target, options);
}

/**
 * The class form of {@link bceWithLogitsLoss} (PyTorch's torch.nn.BCEWithLogitsLoss), with backward.
 * @example
 * const loss = new BCEWithLogitsLoss({ posWeight: [3] });
 * loss.forward([0], [1]);      // 2.0794415416798357 (= 3·log 2)
 * loss.backward().toArray(); // → [-1.5]
 */
export class BCEWithLogitsLoss<R extends Reduction = 'mean'> extends Loss<
  Tensor | NestedArray,
  BCEWithLogitsLossOptions,
  BCEWithLogitsLossOptions,
  R
> {
  constructor(options: BCEWithLogitsLossOptions<R> = {}) {
    super(spec, options);
  }
}
