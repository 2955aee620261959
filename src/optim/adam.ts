import type { Tensor } from '../tensor/tensor.js';
import { OPTIMIZER_EPS } from './adagrad.js';
import { checkCoefficient } from './optimizer-error.js';
import { OptimizerBase } from './optimizer-base.js';

/** Options of {@link Adam}. */
export interface AdamOptions {
  /** lr; default 0.001 as in the book and PyTorch. */
  learningRate?: number;
  /** β₁, the decay of the gradient average; default 0.9. */
  beta1?: number;
  /** β₂, the decay of the squared-gradient average; default 0.999. */
  beta2?: number;
}

/**
 * Adam, the book's form, with the bias correction folded into the rate:
 *   t ← t + 1,  lrₜ = lr·√(1 − β₂ᵗ) / (1 − β₁ᵗ),
 *   m ← m + (1 − β₁)(g − m),  v ← v + (1 − β₂)(g⊙g − v),  W ← W − lrₜ·m / (√v + 1e-7).
 * PyTorch divides m̂ = m/(1 − β₁ᵗ) by √v̂ + ε with v̂ = v/(1 − β₂ᵗ) and ε = 1e-8, which puts ε
 * inside the correction; the two differ only while √v is near ε.
 * Shapes: each gradient like its parameter.
 * Book: Adam (common/optimizer.py, §6.1.6).
 * @example
 * const W = tensor([1]);
 * new Adam({ learningRate: 0.1 }).update({ W }, { W: tensor([2]) });
 * // t = 1: m = 0.2, v = 0.004, lrₜ = 0.1·√0.001/0.1, W = 1 − lrₜ·0.2/(√0.004 + 1e-7) ≈ 0.9
 */
export class Adam extends OptimizerBase {
  readonly beta1: number;
  readonly beta2: number;
  #lrT = 0;

  constructor(options: AdamOptions = {}) {
    super('Adam', options.learningRate ?? 0.001);
    this.beta1 = checkCoefficient('Adam', 'beta1', options.beta1 ?? 0.9);
    this.beta2 = checkCoefficient('Adam', 'beta2', options.beta2 ?? 0.999);
  }

  protected override beginStep(): void {
    const t = this.stepCount;
    this.#lrT = (this.learningRate * Math.sqrt(1 - this.beta2 ** t)) / (1 - this.beta1 ** t);
  }

  protected updateParam(name: string, p: Tensor, g: Tensor): void {
    const m = this.slots.get('m', name, p);
    const v = this.slots.get('v', name, p);
    const w = p.data;
    const d = g.data;
    const lrT = this.#lrT;
    const b1 = 1 - this.beta1;
    const b2 = 1 - this.beta2;
    for (let i = 0; i < w.length; i++) {
      m[i] += b1 * (d[i] - m[i]);
      v[i] += b2 * (d[i] * d[i] - v[i]);
      w[i] -= (lrT * m[i]) / (Math.sqrt(v[i]) + OPTIMIZER_EPS);
    }
  }
}
