import type { LossLayer } from '../layers/layer.js';
import { fromArray } from '../tensor/creation.js';
import type { Rng } from '../tensor/rng.js';
import type { Tensor } from '../tensor/tensor.js';
import type { Head, HeadName } from './head.js';
import { HeadError } from './head-error.js';
import { errorMetrics, meanNll, rowSums } from './head-metrics.js';
import { checkSupport, outputShape, realTargets } from './targets.js';

/** What distinguishes one location–scale head (gaussian, laplace) from another. */
export interface LocationScale {
  readonly name: HeadName;
  readonly description: string;
  readonly scale: number;
  createLoss(): LossLayer;
  /** log p(y | μ, scale) from the residual r = y − μ. */
  logDensity(r: number): number;
  /** μ + one draw of the noise. */
  draw(mu: number, rng: Rng): number;
  /** Var[y | μ]. */
  readonly variance: number;
  /** Which error is the maximum-likelihood scale: σ̂ = rmse, b̂ = mae. */
  readonly fit: 'rmse' | 'mae';
  withScale(scale: number): Head;
}

/**
 * A head whose output is the location μ of p(y | μ, scale) with a fixed scale: predict gives μ,
 * metrics rmse, mae and nll; the family supplies the density, the draw and the loss.
 * Shapes: output (N, D), targets (N, D) or (N) → predict, sample, variance (N, D).
 * @example locationScaleHead(family).predict(tensor([[1]])).toArray() // [[1]] (not run: needs a family)
 */
export function locationScaleHead(family: LocationScale): Head {
  const { name, scale } = family;
  if (!(scale > 0 && scale < Infinity)) {
    throw new HeadError(`${name} head: scale must be a finite number > 0, got ${String(scale)}`);
  }
  const like = (output: Tensor, values: ArrayLike<number>): Tensor =>
    fromArray(values, output.shape, { dtype: output.dtype });
  const head: Head = {
    name,
    description: family.description,
    targetKind: 'real',
    metricNames: ['rmse', 'mae', 'nll'],
    scale,
    outputSize: (size) => size,
    createLoss: () => family.createLoss(),
    predict: (output) => like(output, output.data),
    variance: (output) => like(output, new Float64Array(output.size).fill(family.variance)),
    sample(output: Tensor, rng: Rng) {
      outputShape(name, output);
      return like(
        output,
        Float64Array.from(output.data, (mu) => family.draw(mu, rng)),
      );
    },
    logLikelihood(output, t) {
      const [rows, size] = outputShape(name, output);
      const y = realTargets(name, t, rows, size);
      const mu = output.data;
      return rowSums(rows, size, (i) => family.logDensity(y[i] - mu[i]));
    },
    metrics(output, t) {
      const [rows, size] = outputShape(name, output);
      const errors = errorMetrics(output.data, realTargets(name, t, rows, size));
      return { ...errors, nll: meanNll(head.logLikelihood(output, t)) };
    },
    checkTarget: (t, size) => checkSupport(name, t, size, Number.isFinite, 'a finite number'),
    fitScale(output, t) {
      const [rows, size] = outputShape(name, output);
      return errorMetrics(output.data, realTargets(name, t, rows, size))[family.fit];
    },
    withScale: (s) => family.withScale(s),
  };
  return head;
}
