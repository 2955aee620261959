import type { Rng } from '../tensor/rng.js';
import type { Sampling } from './train-options.js';

/** A sampler's position, for checkpoints (the permutation and cursor of 'shuffle'). */
export interface BatchSamplerState {
  readonly order: Int32Array | null;
  readonly cursor: number;
}

/**
 * Draws the sample indices of each mini-batch from a seeded generator, into a reused buffer.
 * - 'replacement': batchSize indices drawn independently with replacement, as the book's
 *   np.random.choice(train_size, batch_size): a sample may repeat within a batch and an epoch
 *   need not see every sample.
 * - 'shuffle': a fresh permutation each epoch, consecutive slices of it as batches, the last
 *   partial slice dropped (PyTorch's DataLoader(shuffle=True, drop_last=True)), so every epoch
 *   of ⌊N/B⌋ batches sees ⌊N/B⌋·B distinct samples.
 * Shapes: next() → (batchSize) indices in [0, count).
 * Book: train_neuralnet.py batch_mask = np.random.choice(train_size, batch_size).
 * @example
 * const s = new BatchSampler(60000, 100, 'replacement', createRng(0));
 * s.next(); // Int32Array(100) of indices in [0, 60000)
 */
export class BatchSampler {
  readonly #indices: Int32Array;
  #order: Int32Array | null;
  #cursor = 0;

  constructor(
    readonly count: number,
    readonly batchSize: number,
    readonly sampling: Sampling,
    readonly rng: Rng,
  ) {
    if (!Number.isSafeInteger(count) || count <= 0) {
      throw new RangeError(`BatchSampler: the training set is empty (count ${count})`);
    }
    if (!Number.isSafeInteger(batchSize) || batchSize <= 0) {
      throw new RangeError(`BatchSampler: batch size must be a positive integer, got ${batchSize}`);
    }
    if (sampling === 'shuffle' && batchSize > count) {
      throw new RangeError(
        `BatchSampler: batch size ${batchSize} is larger than the ${count} training samples; ` +
          "use a smaller batch or sampling 'replacement'",
      );
    }
    this.#indices = new Int32Array(batchSize);
    this.#order = sampling === 'shuffle' ? new Int32Array(count) : null;
    this.#cursor = count; // 'shuffle' permutes on the first call
  }

  /** The next batch's indices (the same buffer every call: copy it to keep it). */
  next(): Int32Array {
    const order = this.#order;
    if (order === null) return this.rng.choice(this.count, this.batchSize, this.#indices);
    if (this.#cursor + this.batchSize > this.count) {
      this.rng.permutation(this.count, order);
      this.#cursor = 0;
    }
    this.#indices.set(order.subarray(this.#cursor, this.#cursor + this.batchSize));
    this.#cursor += this.batchSize;
    return this.#indices;
  }

  getState(): BatchSamplerState {
    return { order: this.#order?.slice() ?? null, cursor: this.#cursor };
  }

  setState(state: BatchSamplerState): void {
    if (
      (state.order === null) !== (this.#order === null) ||
      (state.order !== null && state.order.length !== this.count)
    ) {
      throw new RangeError(
        `BatchSampler.setState: the state is for ${state.order === null ? "'replacement'" : `'shuffle' over ${state.order.length} samples`}, ` +
          `this sampler is '${this.sampling}' over ${this.count}`,
      );
    }
    if (state.order !== null && this.#order !== null) this.#order.set(state.order);
    this.#cursor = state.cursor;
  }
}
