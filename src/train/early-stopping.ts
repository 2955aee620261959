import type { FloatArray, Params } from '../tensor/tensor.js';
import type { EpochRecord } from './train-history.js';

/** What one evaluation meant for early stopping. */
export type EarlyStoppingVerdict = 'improved' | 'waiting' | 'stop';

/**
 * Early stopping on the validation loss (Keras' EarlyStopping with restore_best_weights): after
 * each evaluation, a validation loss below the best so far keeps a copy of the parameters; after
 * `patience` evaluations in a row without one, training stops, and `restore` puts the best
 * parameters back. The copies reuse their buffers, so a long run allocates them once.
 *   stop when  min over the last `patience` evaluations of L_val ≥ min before them.
 * Book: the remedy for over-fitting beside weight decay and dropout (ch06 §6.4).
 * @example
 * const es = new EarlyStopping(2);
 * es.observe({ validationLoss: 0.9, … }, net.params); // 'improved'
 * es.observe({ validationLoss: 1.0, … }, net.params); // 'waiting'
 * es.observe({ validationLoss: 1.1, … }, net.params); // 'stop' (not run: abridged)
 */
export class EarlyStopping {
  /** The epoch record with the lowest validation loss so far, or null before the first. */
  best: EpochRecord | null = null;
  /** Evaluations since the best one. */
  waited = 0;
  readonly #bestParams: Record<string, FloatArray> = {};

  constructor(readonly patience: number) {
    if (!Number.isSafeInteger(patience) || patience <= 0) {
      throw new RangeError(`EarlyStopping: patience must be a positive integer, got ${patience}`);
    }
  }

  /** True once `patience` evaluations have passed without a better validation loss. */
  get stopped(): boolean {
    return this.waited >= this.patience;
  }

  /** The parameters kept at the best evaluation, by name (empty before it). */
  get bestParams(): Readonly<Record<string, FloatArray>> {
    return this.#bestParams;
  }

  /**
   * Takes one evaluation: keeps `params` when its validation loss is the lowest so far.
   * Throws when the record has no validation loss (early stopping needs a validation split).
   */
  observe(record: EpochRecord, params: Params): EarlyStoppingVerdict {
    const loss = record.validationLoss;
    if (loss === undefined || loss === null) {
      throw new RangeError(
        'EarlyStopping: the evaluation has no validation loss; hold out a validation split (validation > 0)',
      );
    }
    const bestLoss = this.best?.validationLoss;
    if (this.best === null || (bestLoss !== undefined && bestLoss !== null && loss < bestLoss)) {
      this.best = record;
      this.waited = 0;
      for (const [name, p] of Object.entries(params)) {
        const kept = this.#bestParams[name];
        if (kept !== undefined && kept.length === p.data.length) kept.set(p.data);
        else this.#bestParams[name] = p.data.slice();
      }
      return 'improved';
    }
    this.waited++;
    return this.stopped ? 'stop' : 'waiting';
  }

  /** Copies the best parameters into `params` (nothing before the first evaluation). */
  restore(params: Params): void {
    for (const [name, kept] of Object.entries(this.#bestParams)) params[name]?.data.set(kept);
  }

  /**
   * Rebuilds the state of a resumed run: the counters from its evaluations (the same verdicts
   * in the same order), the best parameters from a saved copy.
   */
  resume(epochs: readonly EpochRecord[], bestParams: Readonly<Record<string, FloatArray>>): void {
    this.best = null;
    this.waited = 0;
    for (const e of epochs) {
      const bestLoss = this.best?.validationLoss;
      const loss = e.validationLoss;
      if (loss === undefined || loss === null) continue;
      if (this.best === null || (bestLoss != null && loss < bestLoss)) {
        this.best = e;
        this.waited = 0;
      } else this.waited++;
    }
    for (const [name, data] of Object.entries(bestParams)) this.#bestParams[name] = data.slice();
  }
}
