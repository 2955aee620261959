import type { Labels, LossLayer } from '../layers/layer.js';
import type { Rng } from '../tensor/rng.js';
import type { Tensor } from '../tensor/tensor.js';

/** The names of the likelihood heads, as the CLI's --head takes them. */
export type HeadName =
  'categorical' | 'bernoulli' | 'gaussian' | 'gaussian-variance' | 'laplace' | 'poisson';

/**
 * A likelihood head: the network's output is the parameter of a distribution p(y | output), and
 * the loss it trains with is that distribution's negative log-likelihood (up to a constant).
 * Once trained, y_new ~ p(y | f(x_new)) can be drawn with `sample`.
 * `size` is the number of target columns (categorical: the number of classes C).
 * Shapes: output (N, outputSize(size)); real targets (N, size) or (N) when size is 1;
 * class targets (N) indices or (N, C) one-hot.
 * Book: ch04 §4.2 read as maximum likelihood (the loss is −log p(y | f_θ(x)); docs/math.md §3).
 * @example
 * const head = HEADS.gaussian;
 * const net = new MultiLayerNet({ inputSize: 1, hiddenSizes: [16], outputSize: head.outputSize(1), lastLayer: head.createLoss() });
 * head.sample(net.predict(tensor([[0.5], [1]])), createRng(0)).shape; // → [2, 1]
 * // draws from N(μ(x), σ²), one per row
 */
export interface Head {
  readonly name: HeadName;
  /** One line: the distribution and what the network outputs. */
  readonly description: string;
  /** 'class': targets are class indices; 'real': targets are float rows (counts and 0/1 included). */
  readonly targetKind: 'class' | 'real';
  /** The metrics `metrics` reports, in order. */
  readonly metricNames: readonly string[];
  /** The network's output width for `size` target columns (classes for categorical). */
  outputSize(size: number): number;
  /** A fresh loss layer for the network's last layer: the NLL, up to a constant. */
  createLoss(): LossLayer;
  /** Class probabilities (categorical, bernoulli: P(y = 1)) or the mean E[y | output]. Shapes: (N, size). */
  predict(output: Tensor): Tensor;
  /** One draw y ~ p(y | output) per row: class indices (N) for categorical, else (N, size). */
  sample(output: Tensor, rng: Rng): Tensor;
  /** log p(tₙ | outputₙ) for each row, with every constant (½log 2πσ², log y!). Shapes: (N). */
  logLikelihood(output: Tensor, t: Labels): Float64Array;
  /** The head's metrics on a batch, by `metricNames` (nll = −mean of logLikelihood). */
  metrics(output: Tensor, t: Labels): Record<string, number>;
  /** Throws a TargetError naming the first row and column outside the distribution's support. */
  checkTarget(t: Labels, size: number): void;
  /** The predictive variance Var[y | output] (not for categorical). Shapes: (N, size). */
  variance?(output: Tensor): Tensor;
  /** The fixed noise scale (gaussian σ, laplace b), for heads that have one. */
  readonly scale?: number;
  /** The maximum-likelihood scale for these outputs and targets (σ̂ = rmse, b̂ = mae). */
  fitScale?(output: Tensor, t: Labels): number;
  /** The same head with another fixed scale. */
  withScale?(scale: number): Head;
}
