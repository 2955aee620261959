import { BCEWithLogitsLoss } from '../losses/bce-with-logits-loss.js';
import { MSELoss } from '../losses/mse-loss.js';
import { samplePoisson } from '../heads/draws.js';
import { logFactorial } from '../heads/head-math.js';
import { PoissonNLLLoss } from '../losses/poisson-nll-loss.js';
import { fromArray } from '../tensor/creation.js';
import type { Rng } from '../tensor/rng.js';
import type { Tensor } from '../tensor/tensor.js';

/** A library loss used as a training objective: forward then backward (∂L/∂input). */
export interface ObjectiveLoss {
  forward(input: Tensor, target: Tensor): number;
  backward(): Tensor;
}

/**
 * A distribution p(y | z) whose parameter is a linear model's output z = w·x + b, with the
 * library loss that is its negative log-likelihood (the network outputs the parameters of a
 * distribution; docs/math.md §3).
 */
export interface LikelihoodFamily {
  readonly name: 'Gaussian' | 'Bernoulli' | 'Poisson';
  /** The loss class that minimises −log p, e.g. 'MSELoss'. */
  readonly lossName: string;
  /** What z means: 'mean μ', 'logit', 'log rate'. */
  readonly output: string;
  /** The true (w, b) of the synthetic data. */
  readonly truth: readonly [number, number];
  /** A learning rate for plain gradient descent on the mean loss. */
  readonly learningRate: number;
  createLoss(): ObjectiveLoss;
  /** E[y | z]. */
  mean(z: number): number;
  /** A draw y ~ p(y | z); `scale` is σ for the Gaussian (ignored otherwise). */
  sample(z: number, rng: Rng, scale: number): number;
  /** log p(y | z), written from the density or mass function itself (not from the loss). */
  logLikelihood(z: number, y: number, scale: number): number;
  /** ∂ log p / ∂z and −∂² log p / ∂z², for Newton's method on the likelihood (σ cancels). */
  score(z: number, y: number): number;
  curvature(z: number): number;
}

const LOG_2PI = Math.log(2 * Math.PI);
const sigmoid = (z: number): number =>
  z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));

/** Gaussian N(y | μ = z, σ²): −log p = (y − z)²/2σ² + ½log 2πσ², so minimising MSE maximises it. */
export const GAUSSIAN: LikelihoodFamily = {
  name: 'Gaussian',
  lossName: 'MSELoss',
  output: 'mean μ',
  truth: [1.5, -0.5],
  learningRate: 0.1,
  createLoss: () => new MSELoss(),
  mean: (z) => z,
  sample: (z, rng, scale) => z + scale * rng.normal(),
  logLikelihood: (z, y, scale) =>
    -((y - z) ** 2) / (2 * scale * scale) - 0.5 * LOG_2PI - Math.log(scale),
  score: (z, y) => y - z,
  curvature: () => 1,
};

/** Bernoulli(y | σ(z)): −log p = −[y log σ(z) + (1 − y) log(1 − σ(z))], the BCE on logits. */
export const BERNOULLI: LikelihoodFamily = {
  name: 'Bernoulli',
  lossName: 'BCEWithLogitsLoss',
  output: 'logit',
  truth: [2, 0.5],
  learningRate: 2,
  createLoss: () => new BCEWithLogitsLoss(),
  mean: sigmoid,
  sample: (z, rng) => (rng.next() < sigmoid(z) ? 1 : 0),
  logLikelihood: (z, y) => (y === 1 ? Math.log(sigmoid(z)) : Math.log(1 - sigmoid(z))),
  score: (z, y) => y - sigmoid(z),
  curvature: (z) => sigmoid(z) * (1 - sigmoid(z)),
};

/** Poisson(y | λ = e^z): −log p = e^z − y·z + log y!, PoissonNLLLoss(logInput) without the log y! constant. */
export const POISSON: LikelihoodFamily = {
  name: 'Poisson',
  lossName: 'PoissonNLLLoss',
  output: 'log rate',
  truth: [0.5, 0.3],
  learningRate: 0.05,
  createLoss: () => new PoissonNLLLoss({ logInput: true }),
  mean: Math.exp,
  sample: (z, rng) => samplePoisson(Math.exp(z), rng),
  logLikelihood: (z, y) => y * z - Math.exp(z) - logFactorial(y),
  score: (z, y) => y - Math.exp(z),
  curvature: (z) => Math.exp(z),
};

/** The three families of the max-likelihood experiment. */
export const LIKELIHOOD_FAMILIES: readonly LikelihoodFamily[] = [GAUSSIAN, BERNOULLI, POISSON];

/** The outcome of a fit of z = w·x + b. */
export interface LinearFit {
  readonly w: number;
  readonly b: number;
  readonly steps: number;
}

/**
 * Minimises the family's library loss (mean over the samples) by gradient descent on (w, b),
 * with the gradient from the loss's backward: ∂L/∂w = Σᵢ (∂L/∂zᵢ)·xᵢ, ∂L/∂b = Σᵢ ∂L/∂zᵢ.
 * Stops when the gradient norm is below `tolerance` or after `maxSteps`.
 * Shapes: x (N), y (N).
 */
export function fitByLoss(
  family: LikelihoodFamily,
  x: Float64Array,
  y: Float64Array,
  maxSteps = 50_000,
  tolerance = 1e-11,
): LinearFit {
  const loss = family.createLoss();
  const target = fromArray(y);
  const z = fromArray(new Float64Array(x.length));
  let w = 0;
  let b = 0;
  let step = 0;
  for (; step < maxSteps; step++) {
    for (let i = 0; i < x.length; i++) z.data[i] = w * x[i]! + b;
    loss.forward(z, target);
    const g = loss.backward().data;
    let gw = 0;
    let gb = 0;
    for (let i = 0; i < x.length; i++) {
      gw += g[i]! * x[i]!;
      gb += g[i]!;
    }
    if (Math.hypot(gw, gb) < tolerance) break;
    w -= family.learningRate * gw;
    b -= family.learningRate * gb;
  }
  return { w, b, steps: step };
}

/**
 * Maximises Σᵢ log p(yᵢ | w·xᵢ + b) by Newton's method, from the family's score and curvature
 * (derived from the density, not from any loss): θ ← θ + H⁻¹·∇ log L.
 * Shapes: x (N), y (N).
 */
export function maximiseLikelihood(
  family: LikelihoodFamily,
  x: Float64Array,
  y: Float64Array,
  steps = 50,
): LinearFit {
  let w = 0;
  let b = 0;
  let step = 0;
  for (; step < steps; step++) {
    let gw = 0;
    let gb = 0;
    let hww = 0;
    let hwb = 0;
    let hbb = 0;
    for (let i = 0; i < x.length; i++) {
      const z = w * x[i]! + b;
      const s = family.score(z, y[i]!);
      const c = family.curvature(z);
      gw += s * x[i]!;
      gb += s;
      hww += c * x[i]! * x[i]!;
      hwb += c * x[i]!;
      hbb += c;
    }
    const det = hww * hbb - hwb * hwb;
    const dw = (hbb * gw - hwb * gb) / det;
    const db = (hww * gb - hwb * gw) / det;
    w += dw;
    b += db;
    if (Math.hypot(dw, db) < 1e-14 * (1 + Math.hypot(w, b))) break;
  }
  return { w, b, steps: step + 1 };
}
