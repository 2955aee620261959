import type { EpochRecord, FinalAccuracy, TrainHistory } from './train-history.js';
import type { EarlyStoppingVerdict } from './early-stopping.js';
import type { TrainingRun } from './training-run.js';

/** One completed iteration and its mini-batch loss. */
export interface StepEvent {
  readonly type: 'step';
  /** Completed iterations, 1 … totalIterations. */
  readonly iteration: number;
  readonly totalIterations: number;
  readonly loss: number;
}

/** An evaluation point: epoch 0 before training, then after every iterationsPerEpoch iterations. */
export interface EpochEvent extends EpochRecord {
  readonly type: 'epoch';
  /** With early stopping: whether this evaluation is the best so far, or the one that stops. */
  readonly earlyStopping?: EarlyStoppingVerdict;
}

/** Where early stopping ended a run: the best evaluation, whose parameters the network now has. */
export interface EarlyStop {
  readonly bestEpoch: number;
  readonly bestIteration: number;
  readonly bestValidationLoss: number;
  /** The iteration the run stopped at (the last one when patience never ran out). */
  readonly stoppedAt: number;
  /** True when patience ran out before the last iteration. */
  readonly stoppedEarly: boolean;
}

/** The run is complete. */
export interface EndEvent {
  readonly type: 'end';
  readonly final: FinalAccuracy;
  /** With early stopping: the evaluation whose parameters were restored. */
  readonly earlyStop?: EarlyStop;
}

/** What trainSteps yields. */
export type TrainEvent = StepEvent | EpochEvent | EndEvent;

/** What a finished run returns. */
export interface TrainResult {
  readonly final: FinalAccuracy;
  readonly history: TrainHistory;
}

/**
 * Runs (or resumes) a training run as a generator of events, so that a terminal progress bar, a
 * test and a browser worker drive the same loop and may pause, checkpoint or stop between any
 * two events. Pure: no timers, no I/O.
 *
 * Order: an epoch event at iteration 0 (accuracy before training), then for each iteration a
 * step event, and after every iterationsPerEpoch iterations an epoch event; an end event with
 * the final accuracies (measured again unless the last iteration was an epoch boundary).
 * For the book's defaults (60,000 samples, batch 100, 10,000 iterations) that is 17 epoch
 * events, at iterations 0, 600, …, 9600. The book measures at the end of loop pass i where
 * i % 600 = 0, i.e. after 1, 601, …, 9601 updates; here epoch k means exactly k·600 updates.
 * Throws DivergenceError from the step whose loss, gradient or parameter is not finite.
 * Book: train_neuralnet.py (ch04 and ch05).
 * @example
 * for (const e of trainSteps(run)) {
 *   if (e.type === 'epoch') console.log(e.epoch, e.trainAccuracy, e.testAccuracy); // not run: needs MNIST
 * }
 */
export function* trainSteps(run: TrainingRun): Generator<TrainEvent, TrainResult, void> {
  const es = run.earlyStopping;
  for (;;) {
    if (run.evaluationDue()) {
      const record = run.evaluate();
      yield run.lastVerdict === null
        ? { type: 'epoch', ...record }
        : { type: 'epoch', ...record, earlyStopping: run.lastVerdict };
    }
    if (run.iteration >= run.totalIterations || es?.stopped === true) break;
    const loss = run.step();
    yield { type: 'step', iteration: run.iteration, totalIterations: run.totalIterations, loss };
  }
  if (es === null || es.best === null) {
    const final = finalAccuracy(run);
    yield { type: 'end', final };
    return { final, history: run.history };
  }
  // Early stopping ends on the best evaluation's parameters, measured again.
  es.restore(run.network.params);
  const best = es.best;
  const earlyStop: EarlyStop = {
    bestEpoch: best.epoch,
    bestIteration: best.iteration,
    bestValidationLoss: best.validationLoss ?? NaN,
    stoppedAt: run.iteration,
    stoppedEarly: run.iteration < run.totalIterations,
  };
  const final = run.measure();
  yield { type: 'end', final, earlyStop };
  return { final, history: run.history };
}

/** The accuracies after the last iteration (the last epoch's when it was measured there). */
function finalAccuracy(run: TrainingRun): FinalAccuracy {
  const last = run.history.epochs.at(-1);
  if (last !== undefined && last.iteration === run.iteration) {
    const { epoch: _epoch, iteration: _iteration, ...final } = last;
    return final;
  }
  return run.measure();
}

/**
 * Runs a training run to the end and returns its result (trainSteps without the events).
 * @example
 * const { final } = train(prepareTraining(options, data)); // final.testAccuracy ≈ 0.97 (not run: trains on MNIST)
 */
export function train(run: TrainingRun, onEvent?: (event: TrainEvent) => void): TrainResult {
  const steps = trainSteps(run);
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
    onEvent?.(next.value);
  }
}
