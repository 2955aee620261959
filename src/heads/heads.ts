import type { Rng } from '../tensor/rng.js';
import type { Tensor } from '../tensor/tensor.js';
import { bernoulliHead } from './bernoulli.js';
import { categoricalHead } from './categorical.js';
import { gaussianHead } from './gaussian.js';
import { gaussianVarianceHead } from './gaussian-variance.js';
import { laplaceHead } from './laplace.js';
import { poissonHead } from './poisson.js';
import type { Head, HeadName } from './head.js';
import { HeadError } from './head-error.js';

/**
 * Every likelihood head by name: the one table that the CLI's --head choices, the model file's
 * head field and the experiments read. gaussian and laplace use scale 1 here; `withScale`
 * gives another σ or b.
 * @example Object.keys(HEADS)  // ['categorical', 'bernoulli', 'gaussian', 'gaussian-variance', 'laplace', 'poisson']
 */
export const HEADS: Readonly<Record<HeadName, Head>> = Object.freeze({
  categorical: categoricalHead,
  bernoulli: bernoulliHead,
  gaussian: gaussianHead(),
  'gaussian-variance': gaussianVarianceHead,
  laplace: laplaceHead(),
  poisson: poissonHead,
});

/**
 * The names in HEADS, in table order.
 * @example HEAD_NAMES[0]  // 'categorical'
 */
export const HEAD_NAMES: readonly HeadName[] = Object.freeze(Object.keys(HEADS) as HeadName[]);

/**
 * The head called `name`, or a HeadError listing the known names.
 * @example headFor('gaussian').metricNames  // ['rmse', 'mae', 'nll']
 */
export function headFor(name: string): Head {
  const head = (HEADS as Record<string, Head | undefined>)[name];
  if (head === undefined) {
    throw new HeadError(`head: expected one of ${HEAD_NAMES.join(', ')}, found '${name}'`);
  }
  return head;
}

/**
 * Draws y_new ~ p(y | output) from a trained network's output: once θ* is found, the model is a
 * distribution to sample from.
 * Shapes: output (N, K) → (N) class indices for categorical, else (N, size).
 * Book: y_new ~ P(y | f_θ*(x_new)), ch04 §4.2 read as maximum likelihood (docs/math.md §3).
 * @example sample(HEADS.gaussian, net.predict(x), createRng(0)) // one draw per row (not run: needs a trained network)
 */
export function sample(head: Head, output: Tensor, rng: Rng): Tensor {
  return head.sample(output, rng);
}
