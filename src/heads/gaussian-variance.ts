import type { Labels } from '../layers/layer.js';
import { fromArray } from '../tensor/creation.js';
import type { Rng } from '../tensor/rng.js';
import type { Tensor } from '../tensor/tensor.js';
import { GaussianVarianceLoss, meanAndVariance } from './gaussian-variance-loss.js';
import type { Head } from './head.js';
import { errorMetrics, meanNll, rowSums } from './head-metrics.js';
import { checkSupport, realTargets } from './targets.js';

const name = 'gaussian-variance';
const LOG_2PI = Math.log(2 * Math.PI);
/** The floor GaussianNLLLoss puts under σ² (its default eps). */
const EPS = 1e-6;

/**
 * The Gaussian head with a learned variance: each target column gets two outputs, the mean μ and
 * a raw s with σ² = softplus(s), trained with GaussianNLLLoss: the network learns its own
 * uncertainty, so σ(x) can grow where the data is noisier (a fixed-σ gaussian head cannot).
 * log p = −½(log 2πσ² + (y − μ)²/σ²), with σ² floored at 1e-6 as the loss does.
 * Shapes: output (N, 2D) = [μ₁ … μ_D, s₁ … s_D] per row, targets (N, D) or (N) → predict (N, D)
 * means, variance (N, D), sample (N, D).
 * Book: PyTorch's GaussianNLLLoss, the network's output read as the parameters of the
 * distribution (docs/math.md §3).
 * @example gaussianVarianceHead.variance?.(tensor([[3, 0]])).toArray()  // [[0.6931471805599453]]
 */
export const gaussianVarianceHead: Head = {
  name,
  description:
    'Gaussian N(y | μ, σ²) with σ² = softplus(s): the network outputs μ and s per target (GaussianNLLLoss)',
  targetKind: 'real',
  metricNames: ['rmse', 'mae', 'nll'],
  outputSize: (size) => 2 * size,
  createLoss: () => new GaussianVarianceLoss(),
  predict(output: Tensor) {
    const { rows, size, mean } = meanAndVariance(output);
    return fromArray(mean, [rows, size], { dtype: output.dtype });
  },
  variance(output: Tensor) {
    const { rows, size, variance } = meanAndVariance(output);
    return fromArray(
      variance.map((v) => Math.max(v, EPS)),
      [rows, size],
      { dtype: output.dtype },
    );
  },
  sample(output: Tensor, rng: Rng) {
    const { rows, size, mean, variance } = meanAndVariance(output);
    const y = mean.map((mu, i) => mu + Math.sqrt(Math.max(variance[i], EPS)) * rng.normal());
    return fromArray(y, [rows, size], { dtype: output.dtype });
  },
  logLikelihood(output: Tensor, t: Labels) {
    const { rows, size, mean, variance } = meanAndVariance(output);
    const y = realTargets(name, t, rows, size);
    return rowSums(rows, size, (i) => {
      const v = Math.max(variance[i], EPS);
      return -0.5 * (LOG_2PI + Math.log(v) + (y[i] - mean[i]) ** 2 / v);
    });
  },
  metrics(output: Tensor, t: Labels) {
    const { rows, size, mean } = meanAndVariance(output);
    const errors = errorMetrics(mean, realTargets(name, t, rows, size));
    return { ...errors, nll: meanNll(gaussianVarianceHead.logLikelihood(output, t)) };
  },
  checkTarget: (t, size) => checkSupport(name, t, size, Number.isFinite, 'a finite number'),
};
