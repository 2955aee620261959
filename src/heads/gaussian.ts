import { LossAdapter } from '../layers/loss-adapter.js';
import { MSELoss } from '../losses/mse-loss.js';
import type { Head } from './head.js';
import { locationScaleHead } from './location-scale.js';

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * The Gaussian head with a fixed σ: the output is the mean μ of N(y | μ, σ²), trained with MSELoss,
 * since −log N(y | μ, σ²) = (y − μ)²/2σ² + ½log 2πσ² is MSE up to a scale and a constant (docs/math.md
 * §3: regression). σ only enters the likelihood, the samples and the variance, not the fit; set it
 * to the training RMSE (fitScale) to report an honest nll. Default σ = 1.
 * Shapes: output (N, D) means, targets (N, D) or (N) → predict (N, D), sample (N, D).
 * Book: mean_squared_error (ch04 §4.2.1) read as a likelihood.
 * @example
 * const head = gaussianHead({ sigma: 2 });
 * head.logLikelihood(tensor([[0]]), tensor([[0]]))[0];  // -1.612085713764618 (= −½log 2π − log 2)
 */
export function gaussianHead(options: { sigma?: number } = {}): Head {
  const sigma = options.sigma ?? 1;
  const logNorm = HALF_LOG_2PI + Math.log(sigma);
  return locationScaleHead({
    name: 'gaussian',
    description: `Gaussian N(y | μ, σ²) with σ = ${sigma}: the network outputs the mean μ (MSELoss)`,
    scale: sigma,
    createLoss: () => new LossAdapter(new MSELoss()),
    logDensity: (r) => -(r * r) / (2 * sigma * sigma) - logNorm,
    draw: (mu, rng) => mu + sigma * rng.normal(),
    variance: sigma * sigma,
    fit: 'rmse',
    withScale: (s) => gaussianHead({ sigma: s }),
  });
}
