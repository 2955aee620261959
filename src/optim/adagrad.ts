import type { Tensor } from '../tensor/tensor.js';
import { OptimizerBase } from './optimizer-base.js';

/** Options of {@link AdaGrad}. */
export interface AdaGradOptions {
  /** lr; default 0.01 as in the book. */
  learningRate?: number;
}

/** The book's ε, added outside the square root so that a zero history cannot divide by 0. */
export const OPTIMIZER_EPS = 1e-7;

/**
 * AdaGrad, the book's form: h ← h + g⊙g, then W ← W − lr·g / (√h + 1e-7) (h starts at 0).
 * PyTorch's Adagrad is the same with ε = 1e-10, plus optional lr decay and an initial h.
 * Shapes: each gradient like its parameter.
 * Book: AdaGrad (common/optimizer.py, §6.1.5, eq. 6.5–6.6).
 * @example
 * const W = tensor([1]);
 * const opt = new AdaGrad({ learningRate: 0.1 });
 * opt.update({ W }, { W: tensor([2]) }); // h = 4, W = 1 − 0.1·2/(2 + 1e-7) ≈ 0.9
 * opt.update({ W }, { W: tensor([2]) }); // h = 8, W ≈ 0.9 − 0.1·2/√8 ≈ 0.829289
 */
export class AdaGrad extends OptimizerBase {
  constructor(options: AdaGradOptions = {}) {
    super('AdaGrad', options.learningRate ?? 0.01);
  }

  protected updateParam(name: string, p: Tensor, g: Tensor): void {
    const h = this.slots.get('h', name, p);
    const w = p.data;
    const d = g.data;
    const lr = this.learningRate;
    for (let i = 0; i < w.length; i++) {
      h[i] += d[i] * d[i];
      w[i] -= (lr * d[i]) / (Math.sqrt(h[i]) + OPTIMIZER_EPS);
    }
  }
}
