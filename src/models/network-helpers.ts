import type { DType, Tensor } from '../tensor/tensor.js';
import type { Labels } from '../layers/layer.js';
import { toClassIndices } from '../losses/labels.js';
import { numericalGradient } from '../numerical/numerical-gradient.js';
import { clone, tensor } from '../tensor/creation.js';
import { argmaxRows } from '../tensor/ops/reduce.js';
import type { Params } from './network.js';

// Helpers shared by every network (SimpleNet and the layered ones): dtype conversion of the
// input, accuracy with reused buffers, numerical gradients of every parameter.

/**
 * x in the network's dtype (converted, which allocates, only when the caller's dtype differs).
 * Shapes: x any → same. @example asDType(tensor([1]), 'float32').dtype  // 'float32'
 */
export function asDType(x: Tensor, dtype: DType): Tensor {
  return x.dtype === dtype ? x : tensor(x, { dtype });
}

/**
 * New tensors with the values of `params` (a gradient record the caller may keep).
 * Shapes: each like its source. @example cloneParams(net.gradient(x, t, { reuse: true }).grads)
 */
export function cloneParams(params: Readonly<Params>): Params {
  const out: Params = {};
  for (const [key, p] of Object.entries(params)) out[key] = clone(p);
  return out;
}

/** Reused label and prediction buffers of accuracy(), grown when the batch size changes. */
export interface AccuracyBuffers {
  predicted?: Int32Array;
  labels?: Int32Array;
}

/**
 * The fraction of rows whose argmax score equals the label (index or one-hot), reusing `buffers`.
 * Shapes: scores (N, C), t (N) or (N, C) → a number in [0, 1].
 * Book: accuracy in TwoLayerNet (np.sum(y == t) / x.shape[0]).
 * @example accuracyOf(tensor([[0.1, 0.9], [0.8, 0.2]]), [1, 1], {}, 'demo'); // → 0.5
 */
export function accuracyOf(
  scores: Tensor,
  t: Labels,
  buffers: AccuracyBuffers,
  where: string,
): number {
  const rows = scores.shape[0];
  const classes = scores.shape[1];
  const predicted = argmaxRows(
    scores,
    buffers.predicted?.length === rows ? buffers.predicted : undefined,
  );
  const labels = toClassIndices(where, t, rows, classes, { arg: 't', out: buffers.labels });
  buffers.predicted = predicted;
  buffers.labels = labels;
  let correct = 0;
  for (let i = 0; i < rows; i++) if (predicted[i] === labels[i]) correct++;
  return correct / rows;
}

/**
 * Central-difference gradients of `loss` with respect to every parameter (each perturbed in place
 * and restored). The step is the book's h = 1e-4 in float64; in float32 it is 1e-2, because
 * w ± 1e-4 keeps only a few significant bits of the step and the loss's rounding (≈1e-7 relative)
 * divided by 2h would swamp small gradients.
 * Shapes: each gradient like its parameter. Book: numerical_gradient(loss_W, self.params[key]) for each key.
 * @example numericalGradients(() => net.loss(x, t), net.params).W1.shape // net.params.W1.shape (not run: needs a network and a batch)
 */
export function numericalGradients(loss: () => number, params: Params): Params {
  const grads: Params = {};
  for (const [key, p] of Object.entries(params)) {
    grads[key] = numericalGradient(loss, p, p.dtype === 'float32' ? 1e-2 : 1e-4);
  }
  return grads;
}
