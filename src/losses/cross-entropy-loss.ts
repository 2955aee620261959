import { sameShape, type NestedArray, type Tensor } from '../tensor/tensor.js';
import { classScores, classWeight } from './class-scores.js';
import { toClassIndices, type ClassTarget } from './labels.js';
import { readLossData, type LossData } from './loss-data.js';
import { LossInputError } from './loss-error.js';
import { evaluateLoss, Loss, type LossSpec, type LossTerms } from './loss.js';
import { numberOption } from './loss-options.js';
import type { LossValue, Reduction, ReductionOptions } from './reduction.js';

/** Options of {@link crossEntropyLoss} and {@link CrossEntropyLoss}. */
export interface CrossEntropyLossOptions<
  R extends Reduction = Reduction,
> extends ReductionOptions<R> {
  /** A rescaling weight per class, shape (C). Default: all ones. */
  weight?: Tensor | NestedArray;
  /** Index targets equal to this are skipped (not allowed with probability targets). Default −100. */
  ignoreIndex?: number;
  /** ε ∈ [0, 1]: the target becomes (1 − ε)·target + ε/C, uniform over all C classes. Default 0. */
  labelSmoothing?: number;
}

interface Resolved {
  weight: Tensor | NestedArray | undefined;
  ignoreIndex: number;
  labelSmoothing: number;
}

/**
 * Per row n, the loss is −Σ_c a[c]·log p[c] with p = softmax(x[n]) and coefficients a (written by
 * `coefficients`, or the row skipped when it returns false). Its gradient is (Σ_c a[c])·p − a,
 * the book's y − t generalised to weights and soft targets.
 */
function softmaxTerms(
  x: LossData,
  rows: number,
  classes: number,
  shape: readonly number[],
  denominator: number,
  coefficients: (n: number, a: Float64Array, logp: Float64Array) => boolean,
): LossTerms {
  const logp = new Float64Array(x.data.length);
  const a = new Float64Array(x.data.length);
  const values = new Float64Array(rows);
  const used = new Uint8Array(rows);
  for (let n = 0; n < rows; n++) {
    const row = x.data.subarray(n * classes, (n + 1) * classes);
    const lp = logp.subarray(n * classes, (n + 1) * classes);
    // log-softmax minus the row max: logits of 1000 give no overflow, and no NaN.
    let max = -Infinity;
    for (const v of row) max = Math.max(max, v);
    let s = 0;
    for (const v of row) s += Math.exp(v - max);
    const lse = Math.log(s);
    for (let c = 0; c < classes; c++) lp[c] = row[c] - max - lse;
    const an = a.subarray(n * classes, (n + 1) * classes);
    if (!coefficients(n, an, lp)) continue;
    used[n] = 1;
    let l = 0;
    for (let c = 0; c < classes; c++) if (an[c] !== 0) l -= an[c] * lp[c];
    values[n] = l;
  }
  return {
    values,
    shape,
    denominator,
    gradient(g) {
      const dx = new Float64Array(x.data.length);
      for (let n = 0; n < rows; n++) {
        if (!used[n]) continue; // ignored rows get 0, even when 'mean' divides by 0
        let total = 0;
        for (let c = 0; c < classes; c++) total += a[n * classes + c];
        for (let c = 0; c < classes; c++) {
          const k = n * classes + c;
          dx[k] = (total * Math.exp(logp[k]) - a[k]) * g[n];
        }
      }
      return dx;
    },
  };
}

function crossEntropyTerms(
  where: string,
  x: LossData,
  target: ClassTarget,
  o: Resolved,
): LossTerms {
  const { rows, classes, outShape } = classScores(where, x);
  const w = classWeight(where, o.weight, classes);
  const eps = o.labelSmoothing;
  const weightOf = (c: number): number => (w === undefined ? 1 : w[c]);
  const probabilities = !(target instanceof Int32Array)
    ? readLossData(where, 'target', target as Tensor | NestedArray)
    : undefined;
  if (probabilities !== undefined && sameShape(probabilities.shape, x.shape)) {
    if (o.ignoreIndex >= 0) {
      throw new LossInputError(
        where,
        'options.ignoreIndex',
        'a negative value with probability targets',
        String(o.ignoreIndex),
      );
    }
    const y = probabilities.data;
    // Probability targets: a[c] = w[c]·y'[c], y' = (1 − ε)·y + ε/C; 'mean' divides by N even with weights.
    return softmaxTerms(x, rows, classes, outShape, rows, (n, a) => {
      for (let c = 0; c < classes; c++) {
        const yc = y[n * classes + c];
        a[c] = (eps > 0 ? yc * (1 - eps) + eps / classes : yc) * weightOf(c);
      }
      return true;
    });
  }
  const t = toClassIndices(where, target, rows, classes, { ignoreIndex: o.ignoreIndex });
  let totalWeight = 0;
  for (let n = 0; n < rows; n++) if (t[n] !== o.ignoreIndex) totalWeight += weightOf(t[n]);
  // Index targets: (1 − ε)·NLL + (ε/C)·Σ_c −w[c]·log p[c], both over Σ w[tₙ] for 'mean' (ATen).
  return softmaxTerms(x, rows, classes, outShape, totalWeight, (n, a) => {
    if (t[n] === o.ignoreIndex) return false;
    if (eps > 0) for (let c = 0; c < classes; c++) a[c] = (eps / classes) * weightOf(c);
    a[t[n]] += (1 - eps) * weightOf(t[n]);
    return true;
  });
}

const spec: LossSpec<ClassTarget, CrossEntropyLossOptions, Resolved> = {
  fn: 'crossEntropyLoss',
  cls: 'CrossEntropyLoss',
  resolve: (where, o) => ({
    weight: o.weight,
    ignoreIndex: numberOption(
      where,
      'ignoreIndex',
      o.ignoreIndex,
      -100,
      Number.isInteger,
      'an integer',
    ),
    labelSmoothing: numberOption(
      where,
      'labelSmoothing',
      o.labelSmoothing,
      0,
      (e) => e >= 0 && e <= 1,
      'a number in [0, 1]',
    ),
  }),
  terms: crossEntropyTerms,
};

/**
 * Cross-entropy on logits (PyTorch's cross_entropy): log-softmax and NLL in one stable step.
 * With log p = log softmax(xₙ) (the row max subtracted first: logits of 1000 give no NaN):
 * - index targets tₙ:  ℓₙ = (1 − ε)·(−w[tₙ]·log p[tₙ]) + (ε/C)·Σ_c(−w[c]·log p[c]), 0 where
 *   tₙ = ignoreIndex; 'mean' = Σ ℓₙ / Σ w[tₙ] over rows not ignored (NaN if all are ignored).
 * - probability targets y (same shape as the input):  ℓₙ = −Σ_c w[c]·y'[n, c]·log p[c] with
 *   y' = (1 − ε)·y + ε/C; 'mean' = Σ ℓₙ / N, even with weights.
 * Label smoothing ε mixes the target with the uniform distribution over all C classes (the true
 * class keeps 1 − ε + ε/C), PyTorch's formula; ε/(C − 1) variants give other numbers.
 * Likelihood: −log Categorical(t | softmax(x)), the classification loss (docs/math.md §3).
 * ∂ℓₙ/∂xₙ = (Σ_c a[c])·softmax(xₙ) − a, where ℓₙ = −Σ_c a[c]·log p[c] (softmax(x) − onehot(t) plainly).
 * Shapes: input (N, C) or (C); target (N) or () indices, or (N, C) / (C) probabilities → a number,
 * or (N) / () for 'none'. Book: SoftmaxWithLoss (ch05) computes the unweighted index case.
 * @example crossEntropyLoss([[0, 0, Math.log(2)]], [2])  // 0.6931471805599453 (= −log ½)
 */
export function crossEntropyLoss<R extends Reduction = 'mean'>(
  input: Tensor | NestedArray,
  target: ClassTarget,
  options: CrossEntropyLossOptions<R> = {},
): LossValue<R> {
  return evaluateLoss(spec, input, target, options);
}

/**
 * The class form of {@link crossEntropyLoss} (PyTorch's torch.nn.CrossEntropyLoss), with backward.
 * @example
 * const loss = new CrossEntropyLoss();
 * loss.forward([[0, 0, Math.log(2)]], [2]); // → 0.6931471805599453
 * loss.backward().toArray(); // → [[0.25, 0.25, -0.5]]
 */
export class CrossEntropyLoss<R extends Reduction = 'mean'> extends Loss<
  ClassTarget,
  CrossEntropyLossOptions,
  Resolved,
  R
> {
  constructor(options: CrossEntropyLossOptions<R> = {}) {
    super(spec, options);
  }
}
