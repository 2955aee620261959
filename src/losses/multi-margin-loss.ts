import type { NestedArray, Tensor } from '../tensor/tensor.js';
import { classScores, classWeight } from './class-scores.js';
import { toClassIndices, type ClassTarget } from './labels.js';
import { evaluateLoss, Loss, type LossSpec } from './loss.js';
import { finite, numberOption } from './loss-options.js';
import type { LossValue, Reduction, ReductionOptions } from './reduction.js';

/** Options of {@link multiMarginLoss} and {@link MultiMarginLoss}. */
export interface MultiMarginLossOptions<
  R extends Reduction = Reduction,
> extends ReductionOptions<R> {
  /** The power of each hinge, 1 or 2. Default 1. */
  p?: 1 | 2;
  /** How far the true class's score must exceed every other. Default 1. */
  margin?: number;
  /** A rescaling weight per class, shape (C), applied by the true class. Default: all ones. */
  weight?: Tensor | NestedArray;
}

interface Resolved {
  p: number;
  margin: number;
  weight: Tensor | NestedArray | undefined;
}

const spec: LossSpec<ClassTarget, MultiMarginLossOptions, Resolved> = {
  fn: 'multiMarginLoss',
  cls: 'MultiMarginLoss',
  resolve: (where, o) => ({
    p: numberOption(where, 'p', o.p, 1, (p) => p === 1 || p === 2, '1 or 2'),
    margin: numberOption(where, 'margin', o.margin, 1, finite, 'a finite number'),
    weight: o.weight,
  }),
  terms: (where, x, target, { p, margin, weight }) => {
    const { rows, classes, outShape } = classScores(where, x);
    const w = classWeight(where, weight, classes);
    const t = toClassIndices(where, target, rows, classes);
    const d = x.data;
    // z = margin − x[y] + x[i] for i ≠ y; only z > 0 contributes (ATen's order of operations).
    const hinge = (n: number, i: number): number =>
      margin - d[n * classes + t[n]] + d[n * classes + i];
    const values = new Float64Array(rows);
    for (let n = 0; n < rows; n++) {
      let sum = 0;
      for (let i = 0; i < classes; i++) {
        const z = hinge(n, i);
        if (i === t[n] || !(z > 0)) continue;
        const h = p === 1 ? z : z * z;
        sum += w === undefined ? h : h * w[t[n]];
      }
      values[n] = sum / classes;
    }
    return {
      values,
      shape: outShape,
      denominator: rows,
      gradient(g) {
        const dx = new Float64Array(d.length);
        for (let n = 0; n < rows; n++) {
          const scale = ((w === undefined ? 1 : w[t[n]]) * g[n]) / classes;
          for (let i = 0; i < classes; i++) {
            const z = hinge(n, i);
            if (i === t[n] || !(z > 0)) continue;
            const h = (p === 1 ? 1 : 2 * z) * scale;
            dx[n * classes + i] += h;
            dx[n * classes + t[n]] -= h;
          }
        }
        return dx;
      },
    };
  },
};

/**
 * Multi-class hinge loss (PyTorch's multi_margin_loss, the multi-class SVM loss): for a row x with
 * true class y,
 *   ℓ = Σ_{i ≠ y} w[y]·max(0, margin − x[y] + x[i])^p / C,
 * then the mean over the N rows. The weight multiplies after the power (PyTorch's current docs and
 * ATen; older docs put it inside the max). A margin loss: it is not the negative log of a likelihood.
 * ∂ℓ/∂x[i] = w[y]·p·zᵢ^(p−1)/C for each i ≠ y with zᵢ > 0, and ∂ℓ/∂x[y] = −Σ of those.
 * Shapes: input (N, C) or (C), target (N) or () indices (or one-hot rows) → a number, or (N) / ()
 * for 'none'. Defaults: p 1, margin 1.
 * @example multiMarginLoss([[0.1, 0.2, 0.4, 0.8]], [3])  // 0.32499999999999996 (≈ (0.3 + 0.4 + 0.6) / 4)
 */
export function multiMarginLoss<R extends Reduction = 'mean'>(
  input: Tensor | NestedArray,
  target: ClassTarget,
  options: MultiMarginLossOptions<R> = {},
): LossValue<R> {
  return evaluateLoss(spec, input, target, options);
}

/**
 * The class form of {@link multiMarginLoss} (PyTorch's torch.nn.MultiMarginLoss), with backward.
 * @example
 * const loss = new MultiMarginLoss({ reduction: 'sum' });
 * loss.forward([[0.1, 0.2, 0.4, 0.8]], [3]); // → 0.32499999999999996
 * loss.backward().toArray(); // → [[0.25, 0.25, 0.25, -0.75]]
 */
export class MultiMarginLoss<R extends Reduction = 'mean'> extends Loss<
  ClassTarget,
  MultiMarginLossOptions,
  Resolved,
  R
> {
  constructor(options: MultiMarginLossOptions<R> = {}) {
    super(spec, options);
  }
}
