import { LossAdapter } from '../layers/loss-adapter.js';
import { L1Loss } from '../losses/l1-loss.js';
import { sampleLaplace } from './draws.js';
import type { Head } from './head.js';
import { locationScaleHead } from './location-scale.js';

/**
 * The Laplace head with a fixed scale b: the output is the location μ of
 * Laplace(y | μ, b) = e^(−|y − μ|/b) / 2b, trained with L1Loss, since −log p = |y − μ|/b + log 2b
 * (the median regression: robust to outliers). b enters the likelihood, samples and the variance
 * 2b², not the fit; fitScale gives the MLE b̂ = mean |y − μ|. Default b = 1.
 * Shapes: output (N, D), targets (N, D) or (N) → predict (N, D), sample (N, D).
 * Book: the L1 loss read as a likelihood (docs/math.md §3).
 * @example laplaceHead().logLikelihood(tensor([[0]]), [[1]])[0]  // -1.6931471805599454 (= −1 − log 2)
 */
export function laplaceHead(options: { scale?: number } = {}): Head {
  const b = options.scale ?? 1;
  const logNorm = Math.log(2 * b);
  return locationScaleHead({
    name: 'laplace',
    description: `Laplace(y | μ, b) with b = ${b}: the network outputs the location μ (L1Loss)`,
    scale: b,
    createLoss: () => new LossAdapter(new L1Loss()),
    logDensity: (r) => -Math.abs(r) / b - logNorm,
    draw: (mu, rng) => sampleLaplace(mu, b, rng),
    variance: 2 * b * b,
    fit: 'mae',
    withScale: (s) => laplaceHead({ scale: s }),
  });
}
