import type { Params } from '../tensor/tensor.js';

/** Saved optimizer state (for checkpoints): named buffers plus counters. */
export interface OptimizerState {
  readonly name: string;
  readonly step: number;
  readonly buffers: Record<string, Float64Array | Float32Array>;
}

/**
 * Updates parameters in place from their gradients (never rebinds: layers share the tensors).
 * Book: SGD, Momentum, AdaGrad, RMSprop, Adam (common/optimizer.py, ch06).
 */
export interface Optimizer {
  readonly name: string;
  learningRate: number;
  update(params: Params, grads: Params): void;
  getState(): OptimizerState;
  setState(state: OptimizerState): void;
}
