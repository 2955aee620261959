import type { NestedArray, Tensor } from '../tensor/tensor.js';
import { elementwiseTerms } from './elementwise.js';
import { evaluateLoss, Loss, type LossSpec } from './loss.js';
import { booleanOption } from './loss-options.js';
import { REDUCTIONS, type LossValue, type Reduction, type ReductionOptions } from './reduction.js';

/** KLDivLoss's reductions: the usual three plus 'batchmean' (sum / batch size, the true KL). */
export type KLDivReduction = Reduction | 'batchmean';

/** Options of {@link klDivLoss} and {@link KLDivLoss}. */
export interface KLDivLossOptions<
  R extends KLDivReduction = KLDivReduction,
> extends ReductionOptions<R> {
  /** The target is given as log-probabilities (true) or probabilities (false). Default false. */
  logTarget?: boolean;
}

/** x·log x with 0·log 0 = 0 (torch.xlogy(x, x)). */
function xlogx(y: number): number {
  return y === 0 ? 0 : y * Math.log(y);
}

const spec: LossSpec<Tensor | NestedArray, KLDivLossOptions, boolean> = {
  fn: 'klDivLoss',
  cls: 'KLDivLoss',
  reductions: [...REDUCTIONS, 'batchmean'],
  resolve: (where, o) => booleanOption(where, 'logTarget', o.logTarget, false),
  terms: (where, x, t, logTarget) =>
    logTarget
      ? elementwiseTerms(
          where,
          x,
          t,
          (a, y) => Math.exp(y) * (y - a),
          (_a, y) => -Math.exp(y),
        )
      : elementwiseTerms(
          where,
          x,
          t,
          (a, y) => xlogx(y) - y * a,
          (_a, y) => -y,
        ),
};

/**
 * Kullback–Leibler divergence (PyTorch's kl_div). The input holds log-probabilities log q; the target
 * holds probabilities p (or log p with `logTarget`):
 *   ℓᵢ = pᵢ·(log pᵢ − xᵢ)       computed as xlogy(p, p) − p·x, with 0·log 0 = 0
 *   ℓᵢ = exp(yᵢ)·(yᵢ − xᵢ)      when logTarget (yᵢ = log pᵢ).
 * Reductions: 'sum'; 'batchmean' = sum / input.shape[0], which is the mathematical KL(p‖q) averaged
 * over the batch; 'mean' = sum / number of elements, which is NOT the KL (PyTorch's docs warn of
 * this too, yet keep it as the default); 'none'.
 * Likelihood view: KL(p‖q) = H(p, q) − H(p), the cross-entropy (the negative log-likelihood of q under
 * soft targets p) minus a term that does not depend on q, so minimising it is maximum likelihood.
 * ∂ℓᵢ/∂xᵢ = −pᵢ (−exp(yᵢ) with logTarget).
 * Shapes: input (*), target (*) the same shape → a number, or (*) for 'none'.
 * @example klDivLoss([[Math.log(0.5), Math.log(0.5)]], [[1, 0]], { reduction: 'batchmean' }); // → 0.6931471805599453
 */
export function klDivLoss<R extends KLDivReduction = 'mean'>(
  input: Tensor | NestedArray,
  target: Tensor | NestedArray,
  options: KLDivLossOptions<R> = {},
): LossValue<R> {
  return evaluateLoss(spec, input, target, options);
}

/**
 * The class form of {@link klDivLoss} (PyTorch's torch.nn.KLDivLoss), with backward.
 * @example
 * const loss = new KLDivLoss({ reduction: 'batchmean' });
 * loss.forward([[Math.log(0.5), Math.log(0.5)]], [[1, 0]]); // → 0.6931471805599453
 * loss.backward().toArray(); // → [[-1, -0]]
 */
export class KLDivLoss<R extends KLDivReduction = 'mean'> extends Loss<
  Tensor | NestedArray,
  KLDivLossOptions,
  boolean,
  R
> {
  constructor(options: KLDivLossOptions<R> = {}) {
    super(spec, options);
  }
}
