import type { Params, Tensor } from '../tensor/tensor.js';
import { checkLearningRate } from './optimizer-error.js';
import { checkParamGrads, checkStateName, OptimizerSlots } from './optimizer-slots.js';
import type { Optimizer, OptimizerState } from './optimizer.js';

/**
 * What the book's optimizers share: a checked learning rate, a step counter, per-parameter
 * state buffers, and getState/setState for checkpoints. Subclasses write `updateParam`, which
 * must change `p` in place (layers hold the same tensor objects).
 */
export abstract class OptimizerBase implements Optimizer {
  #learningRate: number;
  /** Completed updates (Adam's t after the update). */
  protected stepCount = 0;
  protected readonly slots = new OptimizerSlots();

  constructor(
    readonly name: string,
    learningRate: number,
  ) {
    this.#learningRate = checkLearningRate(name, learningRate);
  }

  get learningRate(): number {
    return this.#learningRate;
  }

  /** Setting a negative or non-finite rate throws an OptimizerError. */
  set learningRate(value: number) {
    this.#learningRate = checkLearningRate(this.name, value);
  }

  update(params: Params, grads: Params): void {
    checkParamGrads(this.name, params, grads);
    this.stepCount++;
    this.beginStep();
    for (const name in params) this.updateParam(name, params[name], grads[name]);
  }

  getState(): OptimizerState {
    return { name: this.name, step: this.stepCount, buffers: this.slots.snapshot() };
  }

  setState(state: OptimizerState): void {
    checkStateName(this.name, state);
    this.stepCount = state.step;
    this.slots.restore(state.buffers);
  }

  /** Per-step work done once before the parameters (Adam's bias-corrected rate). */
  protected beginStep(): void {}

  /** Updates one parameter in place from its gradient. */
  protected abstract updateParam(name: string, p: Tensor, g: Tensor): void;
}
