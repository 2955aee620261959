import type { Params } from '../models/network.js';
import { sum } from '../tensor/ops/reduce.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * Where divergence showed first: a NaN or ±Infinity in the loss, a gradient, a parameter or a
 * layer's output, or a finite loss that exploded (see LOSS_EXPLOSION_FACTOR).
 */
export type DivergenceSite = 'loss' | 'gradient' | 'parameter' | 'layer output' | 'loss explosion';

/**
 * A batch loss this many times the first iteration's means the run has blown up. Cross-entropy
 * is capped by the 1e-7 in its log (−ln 1e-7 ≈ 16.1 per sample), so too large a learning rate
 * often leaves a finite loss stuck near that cap instead of producing NaN: with the book's
 * network, lr 1e6 gives 2.3 at iteration 1 and 11–16 from iteration 2 on. 4× is fastai's
 * LR-finder stopping rule; a mean loss of 4·ln 10 ≈ 9.2 means p(true class) ≈ 1e-4 on average.
 */
export const LOSS_EXPLOSION_FACTOR = 4;

/** How many samples the loss compared with LOSS_EXPLOSION_FACTOR averages over, at least. */
export const LOSS_EXPLOSION_SAMPLES = 100;

/**
 * The mean of `loss` and the losses of the iterations just before it, over at least
 * LOSS_EXPLOSION_SAMPLES samples: one iteration at batch 100 or more, the last 100 at batch 1.
 * A single sample's loss can reach the 16.1 cap by itself (one confident mistake), so a small
 * batch must not be judged on one iteration.
 * @example recentMeanLoss([2, 4], 6, 50) // 5 (the last two iterations: 100 samples)
 */
export function recentMeanLoss(
  history: readonly number[],
  loss: number,
  batchSize: number,
): number {
  const window = Math.ceil(LOSS_EXPLOSION_SAMPLES / batchSize);
  let sum = loss;
  let count = 1;
  for (let j = history.length - 1; j >= 0 && count < window; j--, count++) sum += history[j]!;
  return sum / count;
}

/**
 * Training diverged: a NaN or ±Infinity appeared in the loss, a gradient, a parameter (after the
 * update) or, with debugAnomaly, a layer's output; or the loss exploded. The message names the
 * iteration, the tensor and the learning rate, and suggests a ten times smaller `learningRate`
 * (too large a rate overshoots; Book §4.4.1). It speaks in option names: an entry point that
 * has its own words for them (the CLI's --lr) builds its line from `diagnosis` and
 * `suggestedLearningRate`.
 * @example
 * const e = new DivergenceError(12, 'gradient', 'b1', Number.NaN, 1e6);
 * e.message; // → 'training diverged at iteration 12: gradient b1 is NaN with learning rate 1000000; try a smaller learningRate (e.g. 100000)'
 * e.suggestedLearningRate; // → 100000
 */
export class DivergenceError extends Error {
  override readonly name = 'DivergenceError';
  /** What happened, without the advice: "training diverged at iteration …, with learning rate …". */
  readonly diagnosis: string;
  /** A learning rate ten times smaller than the one that diverged. */
  readonly suggestedLearningRate: number;

  constructor(
    /** The 1-based iteration whose step produced the value. */
    readonly iteration: number,
    readonly site: DivergenceSite,
    /** The parameter or layer name ('' for the loss). */
    readonly tensorName: string,
    /** The offending value (NaN, ±Infinity, or the exploded loss). */
    readonly value: number,
    readonly learningRate: number,
    /** For 'loss explosion': the first iteration's loss it is compared with. */
    readonly firstLoss?: number,
  ) {
    const what =
      site === 'loss explosion'
        ? `the loss rose to ${value.toFixed(4)}, over ${LOSS_EXPLOSION_FACTOR} × the first iteration's ${firstLoss?.toFixed(4)},`
        : `${site === 'loss' ? 'the loss' : `${site} ${tensorName}`} is ${value}`;
    const diagnosis = `training diverged at iteration ${iteration}: ${what} with learning rate ${learningRate}`;
    const smaller = suggestSmaller(learningRate);
    super(`${diagnosis}; try a smaller learningRate (e.g. ${smaller})`);
    this.diagnosis = diagnosis;
    this.suggestedLearningRate = smaller;
  }
}

/** A learning rate ten times smaller, printed without float noise. */
function suggestSmaller(lr: number): number {
  return Number((lr / 10).toPrecision(6));
}

/** The first value of `t` that is NaN or ±Infinity, or undefined when all are finite. */
export function firstNonFinite(t: Tensor): number | undefined {
  const d = t.data;
  for (let i = 0; i < d.length; i++) {
    // x − x is 0 for finite x and NaN for NaN and ±Infinity: one test covers both.
    if (d[i] - d[i] !== 0) return d[i];
  }
  return undefined;
}

/**
 * Throws a DivergenceError for the first tensor in `tensors` holding a NaN or ±Infinity.
 * Fast path: the backend's sum (a SIMD kernel on WASM). A NaN or ±Infinity anywhere makes the
 * sum NaN or ±Infinity (∞ + finite = ∞, ∞ − ∞ = NaN, NaN propagates), so a finite sum proves
 * every number finite. A non-finite sum (a bad number, or finite numbers whose sum overflows)
 * falls back to the exact scan, which finds the value or none: the result is the scan's always.
 * On the JS backend the two cost about the same; on WASM the sum is ~20× faster than a JS loop
 * over WASM memory (it was ~0.2 ms of a 0.9 ms MNIST training step).
 */
export function checkFiniteAll(
  tensors: Params,
  site: DivergenceSite,
  iteration: number,
  learningRate: number,
): void {
  for (const name in tensors) {
    if (Number.isFinite(sum(tensors[name]))) continue;
    const bad = firstNonFinite(tensors[name]);
    if (bad !== undefined) throw new DivergenceError(iteration, site, name, bad, learningRate);
  }
}
