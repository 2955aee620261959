import type { NestedArray, Tensor } from '../tensor/tensor.js';
import { broadcastWeight } from './loss-data.js';
import { LossInputError } from './loss-error.js';
import { elementwiseTerms } from './elementwise.js';
import { evaluateLoss, Loss, type LossSpec } from './loss.js';
import type { LossValue, Reduction, ReductionOptions } from './reduction.js';

/** Options of {@link bceLoss} and {@link BCELoss}. */
export interface BCELossOptions<R extends Reduction = Reduction> extends ReductionOptions<R> {
  /** A rescaling weight per element, broadcast to the input's shape (e.g. (C) for (N, C)). Default none. */
  weight?: Tensor | NestedArray;
}

// PyTorch clamps each log at −100 so that x = 0 or 1 gives a finite loss (at most 100) and
// 0·log 0 becomes 0·(−100) = 0 instead of NaN; the backward divides by max(x(1 − x), 1e-12).
const LOG_FLOOR = -100;
const EPSILON = 1e-12;

const spec: LossSpec<Tensor | NestedArray, BCELossOptions, BCELossOptions> = {
  fn: 'bceLoss',
  cls: 'BCELoss',
  resolve: (_where, o) => o,
  terms: (where, x, t, o) => {
    const w = broadcastWeight(where, 'options.weight', o.weight, x.shape);
    x.data.forEach((v, i) => {
      if (!(v >= 0 && v <= 1)) {
        throw new LossInputError(
          where,
          `input (element ${i})`,
          'a probability in [0, 1]',
          String(v),
        );
      }
    });
    return elementwiseTerms(
      where,
      x,
      t,
      (a, y, i) => {
        const l =
          (y - 1) * Math.max(Math.log1p(-a), LOG_FLOOR) - y * Math.max(Math.log(a), LOG_FLOOR);
        return w === undefined ? l : l * w[i];
      },
      (a, y, i) => ((a - y) / Math.max((1 - a) * a, EPSILON)) * (w === undefined ? 1 : w[i]),
    );
  },
};

/**
 * Binary cross-entropy (PyTorch's binary_cross_entropy) between probabilities x ∈ [0, 1] and
 * targets y (usually 0 or 1):
 *   ℓᵢ = −wᵢ·[yᵢ·log xᵢ + (1 − yᵢ)·log(1 − xᵢ)],   each log clamped at −100,
 * then the mean over all elements. An input outside [0, 1] is an error (PyTorch checks it too).
 * Likelihood: the negative log of a Bernoulli(y | p = x), the two-class case of cross-entropy
 * (docs/math.md §3: a discrete target gives CE). Prefer BCEWithLogitsLoss on logits: it never saturates.
 * ∂ℓᵢ/∂xᵢ = wᵢ·(xᵢ − yᵢ) / max(xᵢ(1 − xᵢ), 1e-12) (PyTorch's formula, also at the clamps).
 * Shapes: input (*), target (*) the same shape, weight broadcastable to (*) → a number, or (*) for 'none'.
 * @example bceLoss([0.8, 0.2], [1, 0])  // 0.22314355131420974 (= −log 0.8)
 */
export function bceLoss<R extends Reduction = 'mean'>(
  input: Tensor | NestedArray,
  target: Tensor | NestedArray,
  options: BCELossOptions<R> = {},
): LossValue<R> {
  return evaluateLoss(spec, input, target, options);
}

/**
 * The class form of {@link bceLoss} (PyTorch's torch.nn.BCELoss), with backward.
 * @example
 * const loss = new BCELoss({ reduction: 'sum' });
 * loss.forward([0.5], [1]); // → 0.6931471805599453
 * loss.backward().toArray(); // → [-2]
 */
export class BCELoss<R extends Reduction = 'mean'> extends Loss<
  Tensor | NestedArray,
  BCELossOptions,
  BCELossOptions,
  R
> {
  constructor(options: BCELossOptions<R> = {}) {
    super(spec, options);
  }
}
