import type { NestedArray, Tensor } from '../tensor/tensor.js';
import { classScores, classWeight } from './class-scores.js';
import { toClassIndices, type ClassTarget } from './labels.js';
import { evaluateLoss, Loss, type LossSpec } from './loss.js';
import { numberOption } from './loss-options.js';
import type { LossValue, Reduction, ReductionOptions } from './reduction.js';

/** Options of {@link nllLoss} and {@link NLLLoss}. */
export interface NLLLossOptions<R extends Reduction = Reduction> extends ReductionOptions<R> {
  /** A rescaling weight per class, shape (C). Default: all ones. */
  weight?: Tensor | NestedArray;
  /** Rows whose label equals this are skipped and leave the 'mean' denominator. Default −100. */
  ignoreIndex?: number;
}

interface Resolved {
  weight: Tensor | NestedArray | undefined;
  ignoreIndex: number;
}

const spec: LossSpec<ClassTarget, NLLLossOptions, Resolved> = {
  fn: 'nllLoss',
  cls: 'NLLLoss',
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
  }),
  terms: (where, x, target, { weight, ignoreIndex }) => {
    const { rows, classes, outShape } = classScores(where, x);
    const w = classWeight(where, weight, classes);
    const t = toClassIndices(where, target, rows, classes, { ignoreIndex });
    const values = new Float64Array(rows);
    let totalWeight = 0;
    for (let n = 0; n < rows; n++) {
      if (t[n] === ignoreIndex) continue;
      const wn = w === undefined ? 1 : w[t[n]];
      values[n] = -x.data[n * classes + t[n]] * wn;
      totalWeight += wn;
    }
    return {
      values,
      shape: outShape,
      denominator: totalWeight,
      gradient(g) {
        const dx = new Float64Array(x.data.length);
        for (let n = 0; n < rows; n++) {
          if (t[n] === ignoreIndex) continue; // ignored rows get 0, even when 'mean' divides by 0
          dx[n * classes + t[n]] = -(w === undefined ? 1 : w[t[n]]) * g[n];
        }
        return dx;
      },
    };
  },
};

/**
 * Negative log-likelihood loss (PyTorch's nll_loss) on log-probabilities x (e.g. a log-softmax):
 *   ℓₙ = −w[tₙ]·x[n, tₙ],   0 where tₙ = ignoreIndex,
 * 'mean' = Σₙ ℓₙ / Σₙ w[tₙ] over the rows not ignored (a weighted mean, not / N; NaN when every
 * row is ignored, as 0/0 in PyTorch), 'sum' = Σₙ ℓₙ.
 * Likelihood: −log Categorical(t | p) with log p = x, the discrete case (docs/math.md §3);
 * CrossEntropyLoss = NLLLoss ∘ log-softmax.
 * Labels: indices (N) (a number for one row) or, beyond PyTorch, one-hot rows (N, C).
 * ∂ℓₙ/∂x[n, c] = −w[tₙ] where c = tₙ, else 0.
 * Shapes: input (N, C) or (C), target (N) or () → a number, or (N) / () for 'none'.
 * @example nllLoss([[Math.log(0.25), Math.log(0.75)]], [1])  // 0.2876820724517809 (= −log 0.75)
 */
export function nllLoss<R extends Reduction = 'mean'>(
  input: Tensor | NestedArray,
  target: ClassTarget,
  options: NLLLossOptions<R> = {},
): LossValue<R> {
  return evaluateLoss(spec, input, target, options);
}

/**
 * The class form of {@link nllLoss} (PyTorch's torch.nn.NLLLoss), with backward.
 * @example
 * const loss = new NLLLoss({ weight: [1, 3] });
 * loss.forward([[-1, -2], [-3, -4]], [0, 1]);  // 3.25 (= (1·1 + 3·4) / (1 + 3))
 * loss.backward().toArray(); // → [[-0.25, 0], [0, -0.75]]
 */
export class NLLLoss<R extends Reduction = 'mean'> extends Loss<
  ClassTarget,
  NLLLossOptions,
  Resolved,
  R
> {
  constructor(options: NLLLossOptions<R> = {}) {
    super(spec, options);
  }
}
