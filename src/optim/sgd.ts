import { axpyInPlace } from '../tensor/ops/inplace.js';
import type { Tensor } from '../tensor/tensor.js';
import { OptimizerBase } from './optimizer-base.js';

/** Options of {@link SGD}. */
export interface SGDOptions {
  /** lr; default 0.01 as the book's class (train_neuralnet passes 0.1). */
  learningRate?: number;
}

/**
 * Stochastic gradient descent, in place: W ← W − lr·∂L/∂W.
 * Runs as one backend axpy kernel per parameter. PyTorch's torch.optim.SGD without momentum is
 * the same update.
 * Shapes: each gradient like its parameter.
 * Book: SGD (common/optimizer.py, §6.1.2); train_neuralnet.py writes the same loop by hand.
 * @example
 * const W = tensor([1, 2]);
 * new SGD({ learningRate: 0.1 }).update({ W }, { W: tensor([10, -10]) });
 * W.toArray(); // → [0, 3]
 */
export class SGD extends OptimizerBase {
  constructor(options: SGDOptions = {}) {
    super('SGD', options.learningRate ?? 0.01);
  }

  protected updateParam(_name: string, p: Tensor, g: Tensor): void {
    axpyInPlace(p, -this.learningRate, g);
  }
}
