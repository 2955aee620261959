import { toOneHot } from '../data/dataset.js';
import { softmax } from '../functions/activations.js';
import type { Layer } from '../layers/layer.js';
import { MSELoss } from '../losses/mse-loss.js';
import type { Params } from '../models/network.js';
import { fromArray } from '../tensor/creation.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * ∂L/∂z of a softmax output y = softmax(z) from ∂L/∂y, row by row (the Jacobian–vector product):
 *   ∂L/∂zₖ = yₖ·(gₖ − Σⱼ gⱼ·yⱼ).
 * The factor yₖ is why the gradient vanishes when the softmax saturates.
 * Shapes: y (N, C), g (N, C) → (N, C).
 * @example softmaxBackward([0.5, 0.5], [1, 0]); // → [0.25, -0.25]
 */
export function softmaxBackward(
  y: ArrayLike<number>,
  g: ArrayLike<number>,
  classes = y.length,
): Float64Array {
  const out = new Float64Array(y.length);
  for (let r = 0; r < y.length; r += classes) {
    let dot = 0;
    for (let k = 0; k < classes; k++) dot += g[r + k]! * y[r + k]!;
    for (let k = 0; k < classes; k++) out[r + k] = y[r + k]! * (g[r + k]! - dot);
  }
  return out;
}

/**
 * The book's squared error on the softmax output, per sample and averaged over the batch:
 *   L = (1/N)·Σₙ ½·Σₖ (softmax(zₙ)ₖ − tₙₖ)²,
 * with its gradient ∂L/∂z through the softmax (MSELoss with reduction 'sum' scaled by 1/2N).
 * Shapes: scores (N, C), labels (N) → loss, dz (N, C) in the scores' dtype.
 */
export function softmaxSquaredError(
  scores: Tensor,
  labels: Int32Array,
): { loss: number; dz: Tensor } {
  const [n, classes] = scores.shape as [number, number];
  const y = softmax(scores);
  const t = fromArray(toOneHot(labels, classes), [n, classes], { dtype: scores.dtype });
  const mse = new MSELoss({ reduction: 'sum' });
  const loss = mse.forward(y, t) / (2 * n);
  const g = mse.backward(1 / (2 * n)).data;
  return {
    loss,
    dz: fromArray(softmaxBackward(y.data, g, classes), [n, classes], { dtype: scores.dtype }),
  };
}

/**
 * Backpropagation through a stack of layers with the softmax squared error as the loss instead of
 * SoftmaxWithLoss: forward (training mode), loss and ∂L/∂scores, then each layer's backward in
 * reverse. Gradients are named as the network's params: W1, b1, W2, b2, … in layer order.
 * Shapes: x (N, D), labels (N).
 */
export function squaredErrorGradient(
  layers: readonly Layer[],
  x: Tensor,
  labels: Int32Array,
): { loss: number; grads: Params } {
  let h = x;
  for (const layer of layers) h = layer.forward(h, true);
  const { loss, dz } = softmaxSquaredError(h, labels);
  let d = dz;
  for (let i = layers.length - 1; i >= 0; i--) d = layers[i]!.backward(d);
  const grads: Params = {};
  let k = 0;
  for (const layer of layers) {
    if (!('W' in layer.grads)) continue;
    k++;
    for (const [name, g] of Object.entries(layer.grads)) grads[`${name}${k}`] = g;
  }
  return { loss, grads };
}
