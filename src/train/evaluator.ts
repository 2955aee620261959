import type { BatchTargets, Dataset } from '../data/batch-source.js';
import type { ImageDataset } from '../data/dataset.js';
import { asDataset } from '../data/image-source.js';
import type { Network } from '../models/network.js';
import { zeros } from '../tensor/creation.js';
import { argmaxRows } from '../tensor/ops/reduce.js';
import { softmaxRows } from '../tensor/ops/softmax-rows.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * Accuracy or mean loss over a whole data set, computed in chunks into reused buffers (a
 * 60,000 × 784 float input would take 188 MB in float32; a chunk of 1,000 takes 3 MB).
 * Inference mode: dropout off.
 * accuracy = |{n : argmax(predict(xₙ)) = tₙ}| / N;  mean loss = Σ_chunks n·loss(chunk) / N.
 * Shapes: data set rows (N, features) → accuracy in [0, 1], or a mean loss.
 * Book: TwoLayerNet.accuracy(x_train, t_train) in train_neuralnet.py (one pass over all of x).
 * @example
 * new Evaluator(1000, 'float32').accuracy(network, test); // e.g. 0.9712 (not run: needs a network and MNIST)
 */
export class Evaluator {
  readonly #buffers = new Map<string, { x: Tensor; t: BatchTargets }>();
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

  /** The number of correctly classified rows of `ds` (class targets only; byte image sets are wrapped). */
  correct(network: Network, data: Dataset | ImageDataset): number {
    const ds = asDataset(data);
    if (ds.target.kind !== 'class') {
      throw new RangeError('Evaluator.correct: accuracy needs class targets; use meanLoss');
    }
    let correct = 0;
    this.#chunks(ds, (n, x, t) => {
      const predicted = argmaxRows(network.predict(x, false, { reuse: true }), this.#predicted);
      const labels = t as Int32Array;
      for (let i = 0; i < n; i++) if (predicted[i] === labels[i]) correct++;
    });
    return correct;
  }

  /** The fraction of correctly classified rows of `ds` (0 for an empty set). */
  accuracy(network: Network, ds: Dataset | ImageDataset): number {
    return ds.count === 0 ? 0 : this.correct(network, ds) / ds.count;
  }

  /** The network's loss averaged over every row of `ds` (0 for an empty set). */
  meanLoss(network: Network, ds: Dataset): number {
    let total = 0;
    this.#chunks(ds, (n, x, t) => {
      total += n * network.loss(x, t, false);
    });
    return ds.count === 0 ? 0 : total / ds.count;
  }

  /**
   * Accuracy (class targets; null otherwise) and mean loss per row of `ds` from one forward pass
   * per chunk: the scores give both the argmax and the loss.
   */
  measure(
    network: Network,
    data: Dataset | ImageDataset,
  ): { accuracy: number | null; loss: number } {
    const ds = asDataset(data);
    const classes = ds.target.kind === 'class';
    let correct = 0;
    let total = 0;
    this.#chunks(ds, (n, x, t) => {
      const scores = network.predict(x, false, { reuse: true });
      if (classes) {
        const predicted = argmaxRows(scores, this.#predicted);
        const labels = t as Int32Array;
        for (let i = 0; i < n; i++) if (predicted[i] === labels[i]) correct++;
      }
      total += n * network.lossFromScores(scores, t);
    });
    if (ds.count === 0) return { accuracy: classes ? 0 : null, loss: 0 };
    return { accuracy: classes ? correct / ds.count : null, loss: total / ds.count };
  }

  /**
   * The predicted class of every row of `ds` and its softmax probability:
   * predicted[n] = argmaxₖ yₙₖ, probability[n] = softmax(yₙ)[predicted[n]].
   * Shapes: data set rows (N, features) → predicted (N), probability (N).
   */
  classify(
    network: Network,
    data: Dataset | ImageDataset,
  ): { predicted: Int32Array; probability: Float64Array } {
    const ds = asDataset(data);
    const predicted = new Int32Array(ds.count);
    const probability = new Float64Array(ds.count);
    let start = 0;
    this.#chunks(ds, (n, x) => {
      const p = softmaxRows(network.predict(x, false, { reuse: true }));
      const best = argmaxRows(p, this.#predicted);
      const classes = p.shape[1]!;
      for (let i = 0; i < n; i++) {
        predicted[start + i] = best[i]!;
        probability[start + i] = p.data[i * classes + best[i]!]!;
      }
      start += n;
    });
    return { predicted, probability };
  }

  /** Calls `body` for consecutive chunks of ds, its rows in x and targets in t. */
  #chunks(ds: Dataset, body: (n: number, x: Tensor, t: BatchTargets) => void): void {
    for (let start = 0; start < ds.count; start += this.chunkSize) {
      const n = Math.min(this.chunkSize, ds.count - start);
      for (let i = 0; i < n; i++) this.#indices[i] = start + i;
      const { x, t } = this.#buffer(n, ds);
      ds.fillBatch(this.#indices, n, x, t);
      body(n, x, t);
    }
  }

  /** The buffers for a chunk of n rows (a full chunk, or the shorter last one). */
  #buffer(n: number, ds: Dataset): { x: Tensor; t: BatchTargets } {
    const width = ds.target.kind === 'class' ? 0 : ds.target.width;
    const key = `${n}:${ds.features}:${width}`;
    let b = this.#buffers.get(key);
    if (b === undefined) {
      b = {
        x: zeros([n, ds.features], { dtype: this.dtype }),
        t: width === 0 ? new Int32Array(n) : zeros([n, width], { dtype: this.dtype }),
      };
      this.#buffers.set(key, b);
    }
    return b;
  }
}
