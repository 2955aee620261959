import { required, type Labels, type LossLayer } from '../layers/layer.js';
import { GaussianNLLLoss } from '../losses/gaussian-nll-loss.js';
import { fromArray } from '../tensor/creation.js';
import type { Tensor } from '../tensor/tensor.js';
import { logistic, softplus } from './head-math.js';
import { outputShape, realTargets } from './targets.js';

/**
 * Splits an output row [μ₁ … μ_D, s₁ … s_D] into the means and the variances σ² = softplus(s).
 * Shapes: output (N, 2D) → mean (N, D), variance (N, D), both float64 arrays in row-major order.
 * @example meanAndVariance(tensor([[1, 0]]))  // { rows: 1, size: 1, mean: [1], variance: [0.6931…] }
 */
export function meanAndVariance(output: Tensor): {
  rows: number;
  size: number;
  mean: Float64Array;
  variance: Float64Array;
} {
  const [rows, cols] = outputShape(
    'gaussian-variance',
    output,
    (k) => k % 2 === 0 && k > 0,
    '2·D: D means, then D raw variances',
  );
  const size = cols / 2;
  const mean = new Float64Array(rows * size);
  const variance = new Float64Array(rows * size);
  const z = output.data;
  for (let r = 0; r < rows; r++) {
    for (let d = 0; d < size; d++) {
      mean[r * size + d] = z[r * cols + d];
      variance[r * size + d] = softplus(z[r * cols + size + d]);
    }
  }
  return { rows, size, mean, variance };
}

/**
 * The loss layer of the gaussian-variance head: GaussianNLLLoss(full) of the targets under
 * N(μ, σ²) with μ and σ² = softplus(s) read from each output row [μ | s]:
 *   L = mean over elements of ½(log 2π + log σ² + (y − μ)²/σ²),
 *   ∂L/∂μ = GaussianNLLLoss's ∂/∂input,  ∂L/∂s = ∂L/∂σ² · σ(s)  (softplus′ = the logistic σ).
 * Softplus keeps σ² positive without a constraint; PyTorch's eps (1e-6) clamps it from below.
 * Shapes: x (N, 2D), t (N, D) or (N) when D = 1 → L a number, dx (N, 2D).
 * Book: a last layer like SoftmaxWithLoss (ch05 §5.6.3) whose network learns its own uncertainty.
 * @example
 * const last = new GaussianVarianceLoss();
 * last.forward(tensor([[0, 0]]), tensor([[0]]));  // 0.7355… (= ½(log 2π + log log 2))
 */
export class GaussianVarianceLoss implements LossLayer {
  readonly #nll = new GaussianNLLLoss({ full: true });
  #raw?: Float64Array;
  #shape?: readonly number[];
  #dtype: Tensor['dtype'] = 'float64';

  forward(x: Tensor, t: Labels): number {
    const { rows, size, mean, variance } = meanAndVariance(x);
    const y = realTargets('gaussian-variance', t, rows, size);
    const raw = new Float64Array(rows * size);
    for (let r = 0; r < rows; r++)
      for (let d = 0; d < size; d++) raw[r * size + d] = x.data[r * 2 * size + size + d];
    this.#raw = raw;
    this.#shape = x.shape;
    this.#dtype = x.dtype;
    const shape = [rows, size];
    return this.#nll.forward(
      fromArray(mean, shape),
      fromArray(y, shape),
      fromArray(variance, shape),
    );
  }

  backward(dout = 1): Tensor {
    const raw = required(this.#raw, 'GaussianVarianceLoss');
    const shape = this.#shape as readonly number[];
    const dMean = this.#nll.backward(dout).data;
    const dVar = (this.#nll.varGrad as Tensor).data;
    const [rows, cols] = shape;
    const size = cols / 2;
    const dx = new Float64Array(rows * cols);
    for (let r = 0; r < rows; r++) {
      for (let d = 0; d < size; d++) {
        const k = r * size + d;
        dx[r * cols + d] = dMean[k];
        dx[r * cols + size + d] = dVar[k] * logistic(raw[k]);
      }
    }
    return fromArray(dx, shape, { dtype: this.#dtype });
  }
}
