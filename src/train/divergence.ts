import type { Params } from '../models/network.js';
import type { Tensor } from '../tensor/tensor.js';

/** Where a NaN or ±Infinity first appeared in a step. */
export type DivergenceSite = 'loss' | 'gradient' | 'parameter' | 'layer output';

/**
 * Training diverged: a NaN or ±Infinity appeared in the loss, a gradient, a parameter (after the
 * update) or, with debugAnomaly, a layer's output. The message names the iteration, the tensor
 * and the learning rate, and suggests a smaller rate (too large a rate overshoots; Book §4.4.1).
 * @example
 * try { train(...); } catch (e) { if (e instanceof DivergenceError) e.iteration; } // e.g. 3
 */
export class DivergenceError extends Error {
  override readonly name = 'DivergenceError';

  constructor(
    /** The 1-based iteration whose step produced the value. */
    readonly iteration: number,
    readonly site: DivergenceSite,
    /** The parameter or layer name ('' for the loss). */
    readonly tensorName: string,
    /** The offending value (NaN, Infinity or -Infinity). */
    readonly value: number,
    readonly learningRate: number,
  ) {
    const what = site === 'loss' ? 'the loss' : `${site} ${tensorName}`;
    super(
      `training diverged at iteration ${iteration}: ${what} is ${value} with learning rate ${learningRate}; ` +
        `try a smaller learning rate (e.g. --lr ${suggestSmaller(learningRate)})`,
    );
  }
}

/** A learning rate ten times smaller, printed without float noise. */
function suggestSmaller(lr: number): string {
  return String(Number((lr / 10).toPrecision(6)));
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
 * Cost: one pass over the numbers, small beside the step's matrix products.
 */
export function checkFiniteAll(
  tensors: Params,
  site: DivergenceSite,
  iteration: number,
  learningRate: number,
): void {
  for (const name in tensors) {
    const bad = firstNonFinite(tensors[name]);
    if (bad !== undefined) throw new DivergenceError(iteration, site, name, bad, learningRate);
  }
}
