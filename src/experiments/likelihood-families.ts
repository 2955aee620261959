import { bernoulliHead } from '../heads/bernoulli.js';
import { gaussianHead } from '../heads/gaussian.js';
import type { Head } from '../heads/head.js';
import { poissonHead } from '../heads/poisson.js';
import { MultiLayerNet } from '../models/multi-layer-net.js';
import { fromArray } from '../tensor/creation.js';
import { fillInPlace } from '../tensor/ops/inplace.js';

/**
 * A distribution p(y | z) whose parameter is a network's output z (here the smallest network,
 * z = w·x + b), given by its likelihood head: the head's loss layer trains the network, its
 * logLikelihood (from the density, with constants) scores it, its sample draws y_new. Newton's
 * method on the likelihood uses the score and curvature below, derived from the density by hand
 * (docs/math.md §3).
 */
export interface LikelihoodFamily {
  readonly name: 'Gaussian' | 'Bernoulli' | 'Poisson';
  /** The head: gaussian (σ set from the data where used), bernoulli, poisson. */
  readonly head: Head;
  /** The loss class the head trains with, e.g. 'MSELoss'. */
  readonly lossName: string;
  /** What z means: 'mean μ', 'logit', 'log rate'. */
  readonly output: string;
  /** The true (w, b) of the synthetic data. */
  readonly truth: readonly [number, number];
  /** A learning rate for plain gradient descent on the mean loss. */
  readonly learningRate: number;
  /** ∂ log p / ∂z and −∂² log p / ∂z², for Newton's method on the likelihood (σ cancels). */
  score(z: number, y: number): number;
  curvature(z: number): number;
}

const sigmoid = (z: number): number =>
  z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));

/** Gaussian N(y | μ = z, σ²): −log p = (y − z)²/2σ² + ½log 2πσ², so minimising MSE maximises it. */
export const GAUSSIAN: LikelihoodFamily = {
  name: 'Gaussian',
  head: gaussianHead(),
  lossName: 'MSELoss',
  output: 'mean μ',
  truth: [1.5, -0.5],
  learningRate: 0.1,
  score: (z, y) => y - z,
  curvature: () => 1,
};

/** Bernoulli(y | σ(z)): −log p = −[y log σ(z) + (1 − y) log(1 − σ(z))], the BCE on logits. */
export const BERNOULLI: LikelihoodFamily = {
  name: 'Bernoulli',
  head: bernoulliHead,
  lossName: 'BCEWithLogitsLoss',
  output: 'logit',
  truth: [2, 0.5],
  learningRate: 2,
  score: (z, y) => y - sigmoid(z),
  curvature: (z) => sigmoid(z) * (1 - sigmoid(z)),
};

/** Poisson(y | λ = e^z): −log p = e^z − y·z + log y!, PoissonNLLLoss(logInput) without the log y! constant. */
export const POISSON: LikelihoodFamily = {
  name: 'Poisson',
  head: poissonHead,
  lossName: 'PoissonNLLLoss',
  output: 'log rate',
  truth: [0.5, 0.3],
  learningRate: 0.05,
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
 * The network z = w·x + b (one Affine layer, 1 → 1) ending in the family's head loss.
 * @example linearNet(GAUSSIAN).params.W1.shape  // [1, 1]
 */
export function linearNet(family: LikelihoodFamily): MultiLayerNet {
  return new MultiLayerNet({
    inputSize: 1,
    hiddenSizes: [],
    outputSize: 1,
    lastLayer: family.head.createLoss(),
  });
}

/**
 * Minimises the network's loss (the head's loss, mean over the samples) by full-batch gradient
 * descent from w = b = 0, with backpropagation's gradients: ∂L/∂W1 = Σᵢ (∂L/∂zᵢ)·xᵢ,
 * ∂L/∂b1 = Σᵢ ∂L/∂zᵢ. Stops when the gradient norm is below `tolerance` or after `maxSteps`.
 * Shapes: x (N), y (N).
 */
export function fitByLoss(
  family: LikelihoodFamily,
  x: Float64Array,
  y: Float64Array,
  maxSteps = 50_000,
  tolerance = 1e-11,
): LinearFit {
  const net = linearNet(family);
  const { W1, b1 } = net.params;
  fillInPlace(W1, 0);
  fillInPlace(b1, 0);
  const input = fromArray(x, [x.length, 1]);
  const target = fromArray(y, [y.length, 1]);
  let step = 0;
  for (; step < maxSteps; step++) {
    const { grads } = net.gradient(input, target);
    const gw = grads.W1.data[0];
    const gb = grads.b1.data[0];
    if (Math.hypot(gw, gb) < tolerance) break;
    W1.data[0] -= family.learningRate * gw;
    b1.data[0] -= family.learningRate * gb;
  }
  return { w: W1.data[0], b: b1.data[0], steps: step };
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
