import { fromArray } from '../tensor/creation.js';
import { fmtShape, sameShape, type NestedArray, type Tensor } from '../tensor/tensor.js';
import { readLossData, type LossData } from './loss-data.js';
import { LossInputError } from './loss-error.js';
import { pairwiseSum } from './pairwise-sum.js';
import {
  REDUCTIONS,
  resolveReduction,
  type LossValue,
  type ReductionOptions,
} from './reduction.js';

/**
 * What a loss computes for one (input, target) pair before reduction, all in float64:
 * the unreduced values ℓ, their shape, the 'mean' denominator, and the gradient of Σᵢ gᵢ·ℓᵢ
 * with respect to the input for any weights g (the vector–Jacobian product). Every reduction's
 * backward is that one product: 'sum' uses g = dout, 'mean' g = dout / denominator, 'none' g = dout.
 */
export interface LossTerms {
  readonly values: Float64Array;
  /** The shape of the 'none' output. */
  readonly shape: readonly number[];
  /** What 'mean' divides the sum by: the element count, or the total class weight (NLL, CE). */
  readonly denominator: number;
  /** ∂(Σᵢ gᵢ·ℓᵢ)/∂input, laid out like the input. Reads g, never writes it. */
  gradient(g: Float64Array): Float64Array;
}

/**
 * A loss described once and used by both its function and its class: option checking with
 * defaults (`resolve`) and the per-element computation (`terms`).
 */
export interface LossSpec<T, O, P> {
  /** The function's name, e.g. 'mseLoss'. */
  readonly fn: string;
  /** The class's name, e.g. 'MSELoss'. */
  readonly cls: string;
  /** The reductions it accepts (default 'none' | 'mean' | 'sum'). */
  readonly reductions?: readonly string[];
  /** Checks the options (not `reduction`) and fills in defaults; throws LossInputError. */
  resolve(where: string, options: O): P;
  /** The unreduced losses and their gradient. */
  terms(where: string, input: LossData, target: T, options: P): LossTerms;
}

/** What one reduction divides the sum by ('batchmean' = the first dimension, KLDivLoss only). */
function divisor(reduction: string, terms: LossTerms, input: LossData): number {
  if (reduction === 'mean') return terms.denominator;
  if (reduction === 'batchmean') return input.shape.length === 0 ? 1 : input.shape[0];
  return 1;
}

function reduceTerms(reduction: string, terms: LossTerms, input: LossData): number | Tensor {
  if (reduction === 'none') return fromArray(terms.values, terms.shape, { dtype: input.dtype });
  return pairwiseSum(terms.values) / divisor(reduction, terms, input);
}

/**
 * Runs a loss as a function: checks options, computes the terms, reduces.
 * @example export const mseLoss = (x, t, options = {}) => evaluateLoss(spec, x, t, options); // not run: how a loss file defines its function
 */
export function evaluateLoss<T, O extends ReductionOptions<string>, P, R extends string>(
  spec: LossSpec<T, O, P>,
  input: Tensor | NestedArray,
  target: T,
  options: O & ReductionOptions<R>,
): LossValue<R> {
  const where = spec.fn;
  const reduction = resolveReduction(where, options.reduction, spec.reductions ?? REDUCTIONS);
  const resolved = spec.resolve(where, options);
  const x = readLossData(where, 'input', input);
  return reduceTerms(reduction, spec.terms(where, x, target, resolved), x) as LossValue<R>;
}

/**
 * Base of the PyTorch-style loss classes: `forward(input, target)` returns the loss (a number, or a
 * Tensor for 'none') and caches what backward needs; `backward(dout = 1)` returns ∂L/∂input with
 * the input's shape and dtype. For 'none', dout may be a Tensor shaped like the output (or a
 * number, used for every element); for the other reductions it is a number. backward never
 * writes into dout.
 * @example
 * class MSELoss<R extends Reduction = 'mean'> extends Loss<Target, MSELossOptions, undefined, R> {
 *   constructor(options: MSELossOptions<R> = {}) { super(spec, options); }
 * }
 */
export abstract class Loss<T, O extends ReductionOptions<string>, P, R extends string> {
  /** The reduction in use. */
  readonly reduction: R;
  readonly #spec: LossSpec<T, O, P>;
  readonly #options: P;
  #cache: { terms: LossTerms; input: LossData } | undefined;

  protected constructor(spec: LossSpec<T, O, P>, options: O) {
    this.#spec = spec;
    this.reduction = resolveReduction(
      spec.cls,
      options.reduction as R | undefined,
      spec.reductions ?? REDUCTIONS,
    );
    this.#options = spec.resolve(spec.cls, options);
  }

  /** The loss of `input` against `target`: a number, or a Tensor for reduction 'none'. */
  forward(input: Tensor | NestedArray, target: T): LossValue<R> {
    const where = `${this.#spec.cls}.forward`;
    const x = readLossData(where, 'input', input);
    const terms = this.#spec.terms(where, x, target, this.#options);
    this.#cache = { terms, input: x };
    return reduceTerms(this.reduction, terms, x) as LossValue<R>;
  }

  /** ∂L/∂input for the last forward, scaled by dout. Shapes: dout () or the output's shape → input's shape. */
  backward(dout: Tensor | NestedArray = 1): Tensor {
    const where = `${this.#spec.cls}.backward`;
    if (this.#cache === undefined) {
      throw new LossInputError(
        where,
        'call order',
        'forward(input, target) before backward',
        'no forward yet',
      );
    }
    const { terms, input } = this.#cache;
    const g = upstream(where, this.reduction, dout, terms, input);
    return fromArray(terms.gradient(g), input.shape, { dtype: input.dtype });
  }
}

function upstream(
  where: string,
  reduction: string,
  dout: Tensor | NestedArray,
  terms: LossTerms,
  input: LossData,
): Float64Array {
  const g = new Float64Array(terms.values.length);
  if (typeof dout === 'number') {
    return g.fill(reduction === 'none' ? dout : dout / divisor(reduction, terms, input));
  }
  const d = readLossData(where, 'dout', dout);
  if (reduction !== 'none') {
    if (d.data.length !== 1)
      throw new LossInputError(
        where,
        'dout',
        'a number (the loss is reduced)',
        `shape ${fmtShape(d.shape)}`,
      );
    return g.fill(d.data[0] / divisor(reduction, terms, input));
  }
  if (!sameShape(d.shape, terms.shape)) {
    throw new LossInputError(
      where,
      'dout',
      `a number or the output's shape ${fmtShape(terms.shape)}`,
      fmtShape(d.shape),
    );
  }
  g.set(d.data);
  return g;
}
