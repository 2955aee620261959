import type { DType, Tensor } from '../tensor/tensor.js';
import { randn } from '../tensor/creation.js';
import type { Rng } from '../tensor/rng.js';
import { checkSize, ModelError } from './model-error.js';

/**
 * How weights are drawn: N(0, σ²) with
 * - 'std': σ = 0.01 (TwoLayerNet's weight_init_std default, ch04/ch05);
 * - 'he': σ = √(2 / fanIn), for ReLU (the book's 'relu'/'he');
 * - 'xavier': σ = √(1 / fanIn), for sigmoid (the book's 'sigmoid'/'xavier');
 * - a number: σ itself.
 */
export type WeightInit = 'std' | 'he' | 'xavier' | number;

/**
 * The standard deviation σ of a weight init for a layer with `fanIn` inputs.
 * Book: weight_init_std in MultiLayerNet.__init_weight (common/multi_layer_net.py, ch06 §6.2).
 * @example weightInitStd('he', 50)  // 0.2 = √(2/50)
 */
export function weightInitStd(init: WeightInit, fanIn: number): number {
  checkSize('weightInitStd', 'fanIn', fanIn);
  if (typeof init === 'number') {
    if (!(Number.isFinite(init) && init >= 0)) {
      throw new ModelError(
        `weightInit: a number must be a finite standard deviation ≥ 0, got ${init}`,
      );
    }
    return init;
  }
  switch (init) {
    case 'std':
      return 0.01;
    case 'he':
      return Math.sqrt(2 / fanIn);
    case 'xavier':
      return Math.sqrt(1 / fanIn);
    default:
      throw new ModelError(
        `weightInit: expected 'std', 'he', 'xavier' or a number, got '${String(init)}'`,
      );
  }
}

/**
 * A weight matrix (fanIn, fanOut) drawn from N(0, σ²), σ = weightInitStd(init, fanIn).
 * Shapes: → (fanIn, fanOut). Book: weight_init_std * np.random.randn(fan_in, fan_out).
 * @example initWeights(784, 50, 'std', createRng(0)).shape; // → [784, 50]
 */
export function initWeights(
  fanIn: number,
  fanOut: number,
  init: WeightInit,
  rng: Rng,
  dtype: DType = 'float64',
): Tensor {
  checkSize('initWeights', 'fanOut', fanOut);
  return randn([fanIn, fanOut], rng, { std: weightInitStd(init, fanIn), dtype });
}
