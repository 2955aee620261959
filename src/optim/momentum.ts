import type { Tensor } from '../tensor/tensor.js';
import { checkCoefficient } from './optimizer-error.js';
import { OptimizerBase } from './optimizer-base.js';

/** Options of {@link Momentum}. */
export interface MomentumOptions {
  /** lr; default 0.01 as in the book. */
  learningRate?: number;
  /** α, the velocity decay; default 0.9. */
  momentum?: number;
}

/**
 * Momentum SGD, the book's form: v ← α·v − lr·∂L/∂W, then W ← W + v (v starts at 0).
 * PyTorch's SGD(momentum=α) keeps v ← α·v + g and steps W ← W − lr·v instead: the same path
 * while lr is constant, but changing lr mid-run rescales PyTorch's whole velocity at once.
 * Shapes: each gradient like its parameter.
 * Book: Momentum (common/optimizer.py, §6.1.4, eq. 6.3–6.4).
 * @example
 * const W = tensor([1]);
 * const opt = new Momentum({ learningRate: 0.1, momentum: 0.9 });
 * opt.update({ W }, { W: tensor([1]) }); // v = −0.1,  W = 0.9
 * opt.update({ W }, { W: tensor([1]) }); // v = −0.19, W = 0.71
 */
export class Momentum extends OptimizerBase {
  readonly momentum: number;

  constructor(options: MomentumOptions = {}) {
    super('Momentum', options.learningRate ?? 0.01);
    this.momentum = checkCoefficient('Momentum', 'momentum', options.momentum ?? 0.9);
  }

  protected updateParam(name: string, p: Tensor, g: Tensor): void {
    const v = this.slots.get('v', name, p);
    const w = p.data;
    const d = g.data;
    const lr = this.learningRate;
    const a = this.momentum;
    for (let i = 0; i < w.length; i++) {
      v[i] = a * v[i] - lr * d[i];
      w[i] += v[i];
    }
  }
}
