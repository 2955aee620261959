import type { BatchTargets, Dataset } from '../data/batch-source.js';
import type { Network, Params } from '../models/network.js';
import type { Optimizer } from '../optim/optimizer.js';
import { zeros } from '../tensor/creation.js';
import type { Rng } from '../tensor/rng.js';
import type { Tensor } from '../tensor/tensor.js';
import { detectAnomalies } from './anomaly-detection.js';
import { BatchSampler } from './batch-sampler.js';
import {
  checkFiniteAll,
  DivergenceError,
  LOSS_EXPLOSION_FACTOR,
  recentMeanLoss,
} from './divergence.js';
import { Evaluator } from './evaluator.js';
import type { EpochRecord, TrainHistory } from './train-history.js';
import {
  iterationsPerEpoch,
  totalIterations,
  TrainOptionsError,
  type TrainOptions,
} from './train-options.js';
import { EarlyStopping, type EarlyStoppingVerdict } from './early-stopping.js';

/** The samples a run trains and measures on: any Dataset (MNIST bytes, a CSV table, …). */
export interface TrainingData {
  readonly train: Dataset;
  readonly test: Dataset;
  readonly validation: Dataset | null;
}

/** Everything a run needs; see prepareTraining for the usual way to build it. */
export interface TrainingSetup {
  readonly network: Network;
  readonly optimizer: Optimizer;
  readonly data: TrainingData;
  readonly options: TrainOptions;
  /** Draws the batches (and dropout masks when the network shares it); saved in checkpoints. */
  readonly rng: Rng;
  /** Rows per evaluation chunk; default max(batch size, 500). */
  readonly evaluationChunk?: number;
  /** Check every layer's output for NaN/Inf each step (slower; a debugging aid, not saved). */
  readonly debugAnomaly?: boolean;
}

/**
 * The mutable state of one training run: the network, optimizer, sampler and the reused batch
 * buffers, the completed iteration count and the history. trainSteps advances it; a
 * checkpoint (captureTrainState) snapshots it between two steps.
 * Book: the body of train_neuralnet.py, one call of step() per loop iteration.
 * @example
 * const run = prepareTraining(resolveTrainOptions({ iterations: 10 }), { train, test });
 * run.step(); // the batch loss, e.g. 2.30; run.iteration is now 1 (not run: needs MNIST)
 */
export class TrainingRun {
  readonly network: Network;
  readonly optimizer: Optimizer;
  readonly data: TrainingData;
  readonly options: TrainOptions;
  readonly rng: Rng;
  readonly sampler: BatchSampler;
  readonly evaluator: Evaluator;
  readonly iterationsPerEpoch: number;
  readonly totalIterations: number;
  /** Completed iterations. */
  iteration = 0;
  readonly history: TrainHistory = { loss: [], epochs: [] };
  /** Early stopping on the validation loss, when options.earlyStopping is set. */
  readonly earlyStopping: EarlyStopping | null;
  /** What early stopping made of the last evaluation (null when it is off). */
  lastVerdict: EarlyStoppingVerdict | null = null;
  readonly #x: Tensor;
  readonly #t: BatchTargets;

  constructor(setup: TrainingSetup) {
    const { network, data, options } = setup;
    this.network = network;
    this.optimizer = setup.optimizer;
    this.data = data;
    this.options = options;
    this.rng = setup.rng;
    const inputSize = data.train.features;
    if (inputSize !== network.config.inputSize) {
      throw new RangeError(
        `training data has ${inputSize} features per row but the network expects ${network.config.inputSize} inputs`,
      );
    }
    if (options.earlyStopping !== null && data.validation === null) {
      throw new TrainOptionsError(
        'earlyStopping',
        'early stopping watches the validation loss, and this run has no validation data (hold out some: validation > 0, or a split with a validation part)',
      );
    }
    this.earlyStopping =
      options.earlyStopping === null ? null : new EarlyStopping(options.earlyStopping);
    this.sampler = new BatchSampler(
      data.train.count,
      options.batchSize,
      options.sampling,
      setup.rng,
    );
    this.iterationsPerEpoch = iterationsPerEpoch(data.train.count, options.batchSize);
    this.totalIterations = totalIterations(options, data.train.count);
    // Chunks as large as the batch keep the layers' reused buffers the same shape in training
    // and evaluation; small batches get larger chunks so evaluation is not call-bound.
    this.evaluator = new Evaluator(
      setup.evaluationChunk ?? Math.max(options.batchSize, 500),
      options.dtype,
    );
    this.#x = zeros([options.batchSize, inputSize], { dtype: options.dtype });
    const target = data.train.target;
    this.#t =
      target.kind === 'class'
        ? new Int32Array(options.batchSize)
        : zeros([options.batchSize, target.width], { dtype: options.dtype });
    if (setup.debugAnomaly === true) {
      detectAnomalies(network, () => ({
        iteration: this.iteration + 1,
        learningRate: this.optimizer.learningRate,
      }));
    }
  }

  /** True when the network has not been measured at the current iteration and it is an epoch boundary. */
  evaluationDue(): boolean {
    if (this.iteration % this.iterationsPerEpoch !== 0) return false;
    const last = this.history.epochs.at(-1);
    return last === undefined || last.iteration < this.iteration;
  }

  /**
   * One iteration: draw a batch into the reused buffers, compute the gradient (backprop or
   * numerical), check loss and gradients, update in place, check the parameters. Returns the
   * batch loss measured in the forward pass before the update (the book runs a second forward
   * pass after it; one pass halves the cost and the curves are alike).
   * Throws DivergenceError naming the iteration, tensor and learning rate on a NaN or ±Infinity,
   * or when the loss exceeds LOSS_EXPLOSION_FACTOR × the first iteration's loss.
   */
  step(): number {
    const { network, optimizer, data } = this;
    const it = this.iteration + 1;
    const indices = this.sampler.next();
    const n = this.options.batchSize;
    data.train.fillBatch(indices, n, this.#x, this.#t);
    let loss: number;
    let grads: Params;
    if (this.options.grad === 'numerical') {
      loss = network.loss(this.#x, this.#t, true);
      grads = network.numericalGradient(this.#x, this.#t);
    } else {
      ({ loss, grads } = network.gradient(this.#x, this.#t, { reuse: true }));
    }
    const lr = optimizer.learningRate;
    if (!Number.isFinite(loss)) throw new DivergenceError(it, 'loss', '', loss, lr);
    const first = this.history.loss[0];
    // The mean over the last 100 samples or more: at batch 1 one sample may reach the log's cap.
    const recent = first === undefined ? loss : recentMeanLoss(this.history.loss, loss, n);
    if (first !== undefined && recent > LOSS_EXPLOSION_FACTOR * first) {
      throw new DivergenceError(it, 'loss explosion', '', recent, lr, first);
    }
    checkFiniteAll(grads, 'gradient', it, lr);
    optimizer.update(network.params, grads);
    checkFiniteAll(network.params, 'parameter', it, lr);
    this.iteration = it;
    this.history.loss.push(loss);
    return loss;
  }

  /** Measures train, test (and validation) accuracy or loss now and records it as the next epoch. */
  evaluate(): EpochRecord {
    const record: EpochRecord = {
      epoch: Math.floor(this.iteration / this.iterationsPerEpoch),
      iteration: this.iteration,
      ...this.measure(),
    };
    this.history.epochs.push(record);
    this.lastVerdict = this.earlyStopping?.observe(record, this.network.params) ?? null;
    return record;
  }

  /**
   * Train, test and validation accuracy (null for value targets: regression, counts) and mean
   * loss per row of the network as it is now, from one forward pass per set.
   */
  measure(): Omit<EpochRecord, 'epoch' | 'iteration'> {
    const { evaluator, network, data } = this;
    const { validation } = data;
    const train = evaluator.measure(network, data.train);
    const test = evaluator.measure(network, data.test);
    const held = validation === null ? null : evaluator.measure(network, validation);
    return {
      trainAccuracy: train.accuracy,
      testAccuracy: test.accuracy,
      validationAccuracy: held?.accuracy ?? null,
      trainLoss: train.loss,
      testLoss: test.loss,
      validationLoss: held?.loss ?? null,
    };
  }
}
