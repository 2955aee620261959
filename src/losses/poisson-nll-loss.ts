import type { NestedArray, Tensor } from '../tensor/tensor.js';
import { elementwiseTerms } from './elementwise.js';
import { evaluateLoss, Loss, type LossSpec } from './loss.js';
import { booleanOption, numberOption } from './loss-options.js';
import type { LossValue, Reduction, ReductionOptions } from './reduction.js';

/** Options of {@link poissonNllLoss} and {@link PoissonNLLLoss}. */
export interface PoissonNLLLossOptions<
  R extends Reduction = Reduction,
> extends ReductionOptions<R> {
  /** The input is log λ (true) or λ itself (false). Default true. */
  logInput?: boolean;
  /** Add Stirling's approximation of log(y!) where y > 1, giving the full negative log-likelihood. Default false. */
  full?: boolean;
  /** Added to λ before the log when logInput is false, so λ = 0 gives no −∞. Must be ≥ 0. Default 1e-8. */
  eps?: number;
}

interface Resolved {
  logInput: boolean;
  full: boolean;
  eps: number;
}

/** y·log y − y + ½·log(2πy), Stirling's approximation of log(y!), in ATen's order; 0 where y ≤ 1. */
function stirling(y: number): number {
  return y <= 1 ? 0 : y * Math.log(y) - y + 0.5 * Math.log(2 * Math.PI * y);
}

const spec: LossSpec<Tensor | NestedArray, PoissonNLLLossOptions, Resolved> = {
  fn: 'poissonNllLoss',
  cls: 'PoissonNLLLoss',
  resolve: (where, o) => ({
    logInput: booleanOption(where, 'logInput', o.logInput, true),
    full: booleanOption(where, 'full', o.full, false),
    eps: numberOption(
      where,
      'eps',
      o.eps,
      1e-8,
      (e) => e >= 0 && e < Infinity,
      'a finite number ≥ 0',
    ),
  }),
  terms: (where, x, t, { logInput, full, eps }) =>
    elementwiseTerms(
      where,
      x,
      t,
      (a, y) => {
        const nll = logInput ? Math.exp(a) - y * a : a - y * Math.log(a + eps);
        return full ? nll + stirling(y) : nll;
      },
      (a, y) => (logInput ? Math.exp(a) - y : 1 - y / (a + eps)),
    ),
};

/**
 * Poisson negative log-likelihood (PyTorch's poisson_nll_loss), for count targets y ≥ 0:
 *   logInput = true  (input x = log λ):  ℓᵢ = exp(xᵢ) − yᵢ·xᵢ
 *   logInput = false (input x = λ):      ℓᵢ = xᵢ − yᵢ·log(xᵢ + eps)
 * plus, when `full`, the Stirling term yᵢ·log yᵢ − yᵢ + ½·log(2πyᵢ) where yᵢ > 1 (0 where yᵢ ≤ 1,
 * exact for y ∈ {0, 1} since log 0! = log 1! = 0); then the mean over all elements.
 * Likelihood: −log Poisson(y | λ) = λ − y·log λ + log(y!). Without `full` the log(y!) term, which
 * does not depend on the input, is left out, so the gradient is the same either way.
 * ∂ℓᵢ/∂xᵢ = exp(xᵢ) − yᵢ (log input) or 1 − yᵢ/(xᵢ + eps).
 * Shapes: input (*), target (*) the same shape → a number, or (*) for 'none'.
 * Defaults: logInput true, full false, eps 1e-8 (used only when logInput is false).
 * @example poissonNllLoss([0], [2])  // 1 (= e⁰ − 2·0)
 */
export function poissonNllLoss<R extends Reduction = 'mean'>(
  input: Tensor | NestedArray,
  target: Tensor | NestedArray,
  options: PoissonNLLLossOptions<R> = {},
): LossValue<R> {
  return evaluateLoss(spec, input, target, options);
}

/**
 * The class form of {@link poissonNllLoss} (PyTorch's torch.nn.PoissonNLLLoss), with backward.
 * @example
 * const loss = new PoissonNLLLoss({ logInput: false });
 * loss.forward([2], [2]);      // 0.6137056288801095 (= 2 − 2·log(2 + 1e-8))
 * loss.backward().toArray(); // → [4.999999969612645e-9]
 */
export class PoissonNLLLoss<R extends Reduction = 'mean'> extends Loss<
  Tensor | NestedArray,
  PoissonNLLLossOptions,
  Resolved,
  R
> {
  constructor(options: PoissonNLLLossOptions<R> = {}) {
    super(spec, options);
  }
}
