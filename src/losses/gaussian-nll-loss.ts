import { fromArray } from '../tensor/creation.js';
import { fmtShape, sameShape, type NestedArray, type Tensor } from '../tensor/tensor.js';
import { assertSameLossShape, readLossData, type LossData } from './loss-data.js';
import { LossInputError } from './loss-error.js';
import { booleanOption, numberOption } from './loss-options.js';
import { pairwiseSum } from './pairwise-sum.js';
import {
  resolveReduction,
  type LossValue,
  type Reduction,
  type ReductionOptions,
} from './reduction.js';

/** Options of {@link gaussianNllLoss} and {@link GaussianNLLLoss}. */
export interface GaussianNLLLossOptions<
  R extends Reduction = Reduction,
> extends ReductionOptions<R> {
  /** Add the constant ½·log 2π to every element, giving the full negative log-likelihood. Default false. */
  full?: boolean;
  /** The variance is clamped to at least eps (a finite number ≥ 0). Default 1e-6. */
  eps?: number;
}

/** A variance: a tensor (or nested array) shaped as PyTorch allows, or one number for every element. */
export type Variance = Tensor | NestedArray;

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** The unreduced terms and both vector–Jacobian products of one forward. */
interface Terms {
  readonly values: Float64Array;
  readonly input: LossData;
  readonly varData: LossData;
  /** ∂(Σ gᵢℓᵢ)/∂input and ∂(Σ gᵢℓᵢ)/∂var (summed over the elements a var entry is broadcast to). */
  gradients(g: Float64Array): { dInput: Float64Array; dVar: Float64Array };
}

/**
 * How elements map to variance entries, by PyTorch's rules: var has the input's shape
 * (heteroscedastic), or the input's shape without its last dimension, or with a last dimension
 * of 1 (one variance per row, shared by its last-axis elements); a number is shared by all.
 */
function varStride(where: string, input: LossData, v: LossData, isNumber: boolean): number {
  if (isNumber || sameShape(v.shape, input.shape)) return isNumber ? 0 : 1;
  const lead = input.shape.slice(0, -1);
  const last = input.shape.length === 0 ? 1 : input.shape[input.shape.length - 1];
  const dropped = sameShape(v.shape, lead);
  const ones =
    v.shape.length === input.shape.length &&
    sameShape(v.shape.slice(0, -1), lead) &&
    v.shape.at(-1) === 1;
  if (!dropped && !ones) {
    throw new LossInputError(
      where,
      'var',
      `the input's shape ${fmtShape(input.shape)}, or it without the last dimension, or with the last dimension 1`,
      fmtShape(v.shape),
    );
  }
  return last; // element i uses var entry ⌊i / last⌋
}

function gaussianTerms(
  where: string,
  input: Tensor | NestedArray,
  target: Tensor | NestedArray,
  variance: Variance,
  full: boolean,
  eps: number,
): Terms {
  const x = readLossData(where, 'input', input);
  const t = readLossData(where, 'target', target);
  assertSameLossShape(where, x, t);
  const isNumber = typeof variance === 'number';
  const v = readLossData(where, 'var', variance);
  const stride = varStride(where, x, v, isNumber);
  const at = (i: number): number => (stride === 0 ? 0 : stride === 1 ? i : Math.floor(i / stride));
  const bad = v.data.findIndex((e) => e < 0 || Number.isNaN(e));
  if (bad >= 0)
    throw new LossInputError(where, `var[${bad}]`, 'a variance ≥ 0', String(v.data[bad]));
  // Clamped as PyTorch does, outside the graph: the gradient reaches var as if unclamped.
  const vc = v.data.map((e) => Math.max(e, eps));
  const n = x.data.length;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = x.data[i] - t.data[i];
    const s = vc[at(i)];
    values[i] = 0.5 * (Math.log(s) + (d * d) / s) + (full ? HALF_LOG_2PI : 0);
  }
  return {
    values,
    input: x,
    varData: v,
    gradients(g) {
      const dInput = new Float64Array(n);
      const dVar = new Float64Array(v.data.length);
      for (let i = 0; i < n; i++) {
        const d = x.data[i] - t.data[i];
        const k = at(i);
        const s = vc[k];
        dInput[i] = (g[i] * d) / s;
        dVar[k] += g[i] * 0.5 * (1 / s - (d * d) / (s * s));
      }
      return { dInput, dVar };
    },
  };
}

function resolve(where: string, o: GaussianNLLLossOptions): { full: boolean; eps: number } {
  return {
    full: booleanOption(where, 'full', o.full, false),
    eps: numberOption(
      where,
      'eps',
      o.eps,
      1e-6,
      (e) => e >= 0 && e < Infinity,
      'a finite number ≥ 0',
    ),
  };
}

function reduce(reduction: string, terms: Terms): number | Tensor {
  if (reduction === 'none')
    return fromArray(terms.values, terms.input.shape, { dtype: terms.input.dtype });
  const total = pairwiseSum(terms.values);
  return reduction === 'mean' ? total / terms.values.length : total;
}

/**
 * Gaussian negative log-likelihood with a given variance (PyTorch's gaussian_nll_loss): the input
 * is the mean μ of N(y | μ, σ²) and var is σ², clamped to at least eps:
 *   ℓᵢ = ½·(log max(varᵢ, eps) + (xᵢ − yᵢ)² / max(varᵢ, eps)) (+ ½·log 2π when `full`),
 * then the mean over all elements (or the sum, or none). Likelihood: −log N(y | μ, σ²) =
 * ½log 2π + ½log σ² + (y − μ)²/2σ², so a network that outputs σ² too learns its own uncertainty.
 * ∂ℓᵢ/∂xᵢ = (xᵢ − yᵢ)/var,  ∂ℓᵢ/∂varᵢ = ½(1/var − (xᵢ − yᵢ)²/var²) at the clamped var (PyTorch
 * clamps outside autograd, so the gradient passes the clamp unchanged). A negative var throws.
 * Shapes: input (*), target (*) the same shape (PyTorch also broadcasts the target; we refuse),
 * var (*), or (*) without its last dimension, or with a last dimension of 1, or a number →
 * a number, or (*) for 'none'. Defaults: full false, eps 1e-6, reduction 'mean'.
 * @example gaussianNllLoss([1, 2], [1, 4], [1, 2])  // 0.6732867951399863 (= ½(0 + 0) and ½(log 2 + 2), averaged)
 */
export function gaussianNllLoss<R extends Reduction = 'mean'>(
  input: Tensor | NestedArray,
  target: Tensor | NestedArray,
  variance: Variance,
  options: GaussianNLLLossOptions<R> = {},
): LossValue<R> {
  const where = 'gaussianNllLoss';
  const reduction = resolveReduction(where, options.reduction);
  const { full, eps } = resolve(where, options);
  return reduce(
    reduction,
    gaussianTerms(where, input, target, variance, full, eps),
  ) as LossValue<R>;
}

/**
 * The class form of {@link gaussianNllLoss} (PyTorch's torch.nn.GaussianNLLLoss):
 * forward(input, target, var) then backward(dout = 1), which returns ∂L/∂input and leaves
 * ∂L/∂var in `varGrad` (in var's shape; a number var gets a 0-d gradient).
 * @example
 * const loss = new GaussianNLLLoss();
 * loss.forward([1, 2], [1, 4], [1, 2]); // → 0.6732867951399863
 * loss.backward().toArray(); // → [0, -0.5]
 * loss.varGrad?.toArray(); // → [0.25, -0.125]
 */
export class GaussianNLLLoss<R extends Reduction = 'mean'> {
  readonly reduction: R;
  readonly #full: boolean;
  readonly #eps: number;
  #terms?: Terms;
  #varGrad?: Tensor;

  constructor(options: GaussianNLLLossOptions<R> = {}) {
    this.reduction = resolveReduction('GaussianNLLLoss', options.reduction as R | undefined);
    ({ full: this.#full, eps: this.#eps } = resolve('GaussianNLLLoss', options));
  }

  /** ∂L/∂var of the last backward, or undefined before one. */
  get varGrad(): Tensor | undefined {
    return this.#varGrad;
  }

  forward(
    input: Tensor | NestedArray,
    target: Tensor | NestedArray,
    variance: Variance,
  ): LossValue<R> {
    this.#terms = gaussianTerms(
      'GaussianNLLLoss.forward',
      input,
      target,
      variance,
      this.#full,
      this.#eps,
    );
    this.#varGrad = undefined;
    return reduce(this.reduction, this.#terms) as LossValue<R>;
  }

  /** ∂L/∂input scaled by dout (a number, or for 'none' a tensor shaped like the output). */
  backward(dout: Tensor | NestedArray = 1): Tensor {
    const where = 'GaussianNLLLoss.backward';
    const terms = this.#terms;
    if (terms === undefined) {
      throw new LossInputError(
        where,
        'call order',
        'forward(input, target, var) before backward',
        'no forward yet',
      );
    }
    const n = terms.values.length;
    const g = new Float64Array(n);
    if (typeof dout === 'number') g.fill(this.reduction === 'mean' ? dout / n : dout);
    else {
      const d = readLossData(where, 'dout', dout);
      const wanted = this.reduction === 'none' ? terms.input.shape : [];
      if (
        d.data.length !== (this.reduction === 'none' ? n : 1) ||
        (this.reduction === 'none' && !sameShape(d.shape, wanted))
      ) {
        throw new LossInputError(
          where,
          'dout',
          `a number or shape ${fmtShape(wanted)}`,
          fmtShape(d.shape),
        );
      }
      if (this.reduction === 'none') g.set(d.data);
      else g.fill(this.reduction === 'mean' ? d.data[0] / n : d.data[0]);
    }
    const { dInput, dVar } = terms.gradients(g);
    this.#varGrad = fromArray(dVar, terms.varData.shape, { dtype: terms.varData.dtype });
    return fromArray(dInput, terms.input.shape, { dtype: terms.input.dtype });
  }
}
