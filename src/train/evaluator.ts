import type { ImageDataset } from '../data/dataset.js';
import type { Network } from '../models/network.js';
import { zeros } from '../tensor/creation.js';
import { argmaxRows } from '../tensor/ops/reduce.js';
import { fillImages } from './image-batches.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * Accuracy over a whole dataset, computed in chunks into reused buffers (a 60,000 × 784 float
 * input would take 188 MB in float32; a chunk of 1,000 takes 3 MB). Inference mode: dropout off.
 * accuracy = |{n : argmax(predict(xₙ)) = tₙ}| / N.
 * Shapes: dataset images (N, rows·cols) → accuracy in [0, 1].
 * Book: TwoLayerNet.accuracy(x_train, t_train) in train_neuralnet.py (one pass over all of x).
 * @example
 * new Evaluator(1000, 'float32').accuracy(network, test); // e.g. 0.9712
 */
export class Evaluator {
  readonly #inputs = new Map<number, Tensor>();
  readonly #indices: Int32Array;
  readonly #predicted: Int32Array;

  constructor(
    readonly chunkSize: number,
    readonly dtype: 'float32' | 'float64',
  ) {
    if (!Number.isSafeInteger(chunkSize) || chunkSize <= 0) {
      throw new RangeError(`Evaluator: chunk size must be a positive integer, got ${chunkSize}`);
    }
    this.#indices = new Int32Array(chunkSize);
    this.#predicted = new Int32Array(chunkSize);
  }

  /** The number of correctly classified samples of `ds`. */
  correct(network: Network, ds: ImageDataset): number {
    const size = ds.rows * ds.cols;
    let correct = 0;
    for (let start = 0; start < ds.count; start += this.chunkSize) {
      const n = Math.min(this.chunkSize, ds.count - start);
      for (let i = 0; i < n; i++) this.#indices[i] = start + i;
      const x = this.#input(n, size);
      fillImages(ds, this.#indices, n, x);
      const predicted = argmaxRows(network.predict(x, false), this.#predicted);
      for (let i = 0; i < n; i++) if (predicted[i] === ds.labels[start + i]) correct++;
    }
    return correct;
  }

  /** The fraction of correctly classified samples of `ds` (0 for an empty set). */
  accuracy(network: Network, ds: ImageDataset): number {
    return ds.count === 0 ? 0 : this.correct(network, ds) / ds.count;
  }

  /** The input tensor for a chunk of n rows (a full chunk, or the shorter last one). */
  #input(n: number, size: number): Tensor {
    let x = this.#inputs.get(n);
    if (x === undefined || x.shape[1] !== size) {
      x = zeros([n, size], { dtype: this.dtype });
      this.#inputs.set(n, x);
    }
    return x;
  }
}
