import type { Tensor, NestedArray } from '../tensor/tensor.js';
import { assertSameLossShape, readLossData, type LossData } from './loss-data.js';
import type { LossTerms } from './loss.js';

/** ℓᵢ = f(xᵢ, yᵢ, i) for one element (i lets a loss read per-element weights). */
export type ElementLoss = (x: number, y: number, i: number) => number;

/**
 * The terms of a loss applied element by element to an input and a target of the same shape:
 * ℓᵢ = value(xᵢ, yᵢ), ∂ℓᵢ/∂xᵢ = slope(xᵢ, yᵢ); 'mean' divides by the number of elements.
 * Shapes: input (*), target (*) same shape → output (*).
 * @example elementwiseTerms('mseLoss', x, t, (a, b) => (a - b) ** 2, (a, b) => 2 * (a - b)) // not run: inside a loss spec
 */
export function elementwiseTerms(
  where: string,
  input: LossData,
  target: Tensor | NestedArray,
  value: ElementLoss,
  slope: ElementLoss,
): LossTerms {
  const t = readLossData(where, 'target', target);
  assertSameLossShape(where, input, t);
  const x = input.data;
  const y = t.data;
  const values = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) values[i] = value(x[i], y[i], i);
  return {
    values,
    shape: input.shape,
    denominator: x.length,
    gradient(g) {
      const dx = new Float64Array(x.length);
      for (let i = 0; i < x.length; i++) dx[i] = slope(x[i], y[i], i) * g[i];
      return dx;
    },
  };
}
