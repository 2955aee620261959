import type { Labels } from '../layers/layer.js';
import type { Params, Tensor } from '../tensor/tensor.js';
import type { Activation } from './activations.js';
import type { WeightInit } from './init.js';
import type { NetworkKind } from './network-kinds.js';

export type { Params };

/** What a network reports about its architecture (saved in model files as metadata). */
export interface NetworkConfig {
  readonly kind: NetworkKind;
  readonly inputSize: number;
  readonly hiddenSizes: readonly number[];
  readonly outputSize: number;
  readonly activation: Activation;
  readonly weightDecay: number;
  readonly dropout: number;
  readonly dtype: 'float32' | 'float64';
  /** How the weights were first drawn (absent in configs saved before it existed: loading does not need it). */
  readonly weightInit?: WeightInit;
}

/** Options of the network calls that return tensors. */
export interface CallOptions {
  /**
   * Return the network's own buffers, valid until its next call, instead of new tensors the
   * caller owns (default false). The training step and the evaluator use it to allocate nothing.
   */
  readonly reuse?: boolean;
}

/**
 * The contract every classifier network meets (SimpleNet, TwoLayerNet, MultiLayerNet), used by the
 * trainer, the CLI and the playground.
 * Shapes: x (N, inputSize), t (N) indices or (N, outputSize) one-hot → scores (N, outputSize).
 * predict, gradient and numericalGradient return tensors the caller owns: two predicts never share
 * a buffer (the book's NumPy code has no such trap either); `{ reuse: true }` opts into buffers.
 * Book: the predict / loss / accuracy / numerical_gradient / gradient methods of TwoLayerNet.
 * @example
 * const { loss, grads } = net.gradient(xBatch, tBatch);
 * optimizer.update(net.params, grads); // not run: one step of a training loop
 */
export interface Network {
  readonly params: Params;
  readonly config: NetworkConfig;
  /** Scores (logits) for x (N, D) → (N, C). `train` enables dropout. */
  predict(x: Tensor, train?: boolean, options?: CallOptions): Tensor;
  /** The loss on a batch: the last layer's loss (cross-entropy of softmax by default), plus ½λΣW² when weight decay is on. */
  loss(x: Tensor, t: Labels, train?: boolean): number;
  /**
   * The loss of scores that `predict` returned for the batch: loss(x, t) = lossFromScores(predict(x), t).
   * Lets an evaluation measure accuracy and loss from one forward pass.
   */
  lossFromScores(scores: Tensor, t: Labels): number;
  /** The fraction of rows whose argmax matches the label. */
  accuracy(x: Tensor, t: Labels): number;
  /** Backpropagation: one forward and one backward pass; gradients by parameter name. */
  gradient(x: Tensor, t: Labels, options?: CallOptions): { loss: number; grads: Params };
  /** The same gradients by central differences (chapter 4; slow). */
  numericalGradient(x: Tensor, t: Labels): Params;
}
