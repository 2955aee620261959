import type { Tensor } from '../tensor/tensor.js';
import { LossInputError } from './loss-error.js';

/**
 * How a loss folds its per-element values into the result, as in PyTorch:
 * 'none' keeps them (a Tensor), 'sum' adds them, 'mean' divides the sum by the number of elements
 * (or by the total weight for the weighted class losses). Default: 'mean'.
 */
export type Reduction = 'none' | 'mean' | 'sum';

/** The result of a loss: a Tensor for 'none', a number for every other reduction. */
export type LossValue<R extends string> = R extends 'none' ? Tensor : number;

/** The `reduction` option shared by every PyTorch-style loss. */
export interface ReductionOptions<R extends string = Reduction> {
  /** 'none' | 'mean' | 'sum' (KLDivLoss also takes 'batchmean'). Default 'mean'. */
  reduction?: R;
}

/** The reductions every loss accepts. */
export const REDUCTIONS: readonly string[] = ['none', 'mean', 'sum'];

/**
 * The reduction option with its default, checked against the allowed names.
 * @example resolveReduction('mseLoss', undefined); // → 'mean'
 */
export function resolveReduction<R extends string>(
  where: string,
  reduction: R | undefined,
  allowed: readonly string[] = REDUCTIONS,
): R {
  const r = reduction ?? 'mean';
  if (typeof r !== 'string' || !allowed.includes(r)) {
    throw new LossInputError(
      where,
      'options.reduction',
      allowed.map((a) => `'${a}'`).join(' | '),
      typeof r === 'string' ? `'${r}'` : String(r),
    );
  }
  return r as R;
}
