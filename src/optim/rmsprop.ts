import type { Tensor } from '../tensor/tensor.js';
import { OPTIMIZER_EPS } from './adagrad.js';
import { checkCoefficient } from './optimizer-error.js';
import { OptimizerBase } from './optimizer-base.js';

/** Options of {@link RMSprop}. */
export interface RMSpropOptions {
  /** lr; default 0.01 as in the book. */
  learningRate?: number;
  /** ρ, how much of the old squared-gradient average is kept; default 0.99 as in the book. */
  decayRate?: number;
}

/**
 * RMSprop, the book's form: h ← ρ·h + (1 − ρ)·g⊙g, then W ← W − lr·g / (√h + 1e-7) (h starts at 0).
 * PyTorch's RMSprop (alpha = ρ) is the same with ε = 1e-8 and its own defaults (lr 0.01, α 0.99).
 * Shapes: each gradient like its parameter.
 * Book: RMSprop (common/optimizer.py, §6.1.5).
 * @example
 * const W = tensor([1]);
 * new RMSprop({ learningRate: 0.1, decayRate: 0.99 }).update({ W }, { W: tensor([1]) });
 * // h = 0.01, W = 1 − 0.1·1/(0.1 + 1e-7) ≈ 0.000001
 */
export class RMSprop extends OptimizerBase {
  readonly decayRate: number;

  constructor(options: RMSpropOptions = {}) {
    super('RMSprop', options.learningRate ?? 0.01);
    this.decayRate = checkCoefficient('RMSprop', 'decayRate', options.decayRate ?? 0.99);
  }

  protected updateParam(name: string, p: Tensor, g: Tensor): void {
    const h = this.slots.get('h', name, p);
    const w = p.data;
    const d = g.data;
    const lr = this.learningRate;
    const rho = this.decayRate;
    for (let i = 0; i < w.length; i++) {
      h[i] = rho * h[i] + (1 - rho) * d[i] * d[i];
      w[i] -= (lr * d[i]) / (Math.sqrt(h[i]) + OPTIMIZER_EPS);
    }
  }
}
