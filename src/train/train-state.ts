import { type FloatArray, fmtShape, sameShape } from '../tensor/tensor.js';
import type { OptimizerState } from '../optim/optimizer.js';
import type { RngState } from '../tensor/rng.js';
import type { BatchSamplerState } from './batch-sampler.js';
import type { TrainHistory } from './train-history.js';
import type { TrainOptions } from './train-options.js';
import type { TrainingRun } from './training-run.js';

/** A parameter's numbers and shape, as saved. */
export interface SavedTensor {
  readonly shape: readonly number[];
  readonly data: FloatArray;
}

/**
 * Everything that decides how a run continues, taken between two steps: with it, a fresh run
 * built from the same options continues bit for bit as the original would have.
 */
export interface TrainState {
  readonly options: TrainOptions;
  /** Completed iterations. */
  readonly iteration: number;
  readonly params: Record<string, SavedTensor>;
  readonly optimizer: OptimizerState;
  readonly rng: RngState;
  readonly sampler: BatchSamplerState;
  readonly history: TrainHistory;
  /** With early stopping: the parameters of the best evaluation so far. */
  readonly bestParams?: Record<string, SavedTensor>;
}

/**
 * A snapshot of a run (copies: later steps do not change it).
 * @example
 * const state = captureTrainState(run); // e.g. on Ctrl-C, then encodeCheckpoint(state, …) (not run: needs a training run)
 */
export function captureTrainState(run: TrainingRun): TrainState {
  const params: Record<string, SavedTensor> = {};
  for (const [name, p] of Object.entries(run.network.params)) {
    params[name] = { shape: [...p.shape], data: p.data.slice() };
  }
  return {
    options: run.options,
    iteration: run.iteration,
    params,
    optimizer: run.optimizer.getState(),
    rng: run.rng.getState(),
    sampler: run.sampler.getState(),
    history: { loss: [...run.history.loss], epochs: [...run.history.epochs] },
    ...(run.earlyStopping === null ? {} : { bestParams: savedBest(run) }),
  };
}

/**
 * Puts a saved state into a run built from the same options (parameters copied in place, so
 * the layers keep seeing them). Throws a RangeError naming the first parameter that does not fit.
 * @example
 * const run = prepareTraining(state.options, data);
 * restoreTrainState(run, state); // trainSteps(run) now continues at state.iteration (not run: needs a checkpoint)
 */
export function restoreTrainState(run: TrainingRun, state: TrainState): void {
  const params = run.network.params;
  for (const name of Object.keys(params)) {
    const saved = state.params[name];
    if (saved === undefined) throw new RangeError(`the saved state has no parameter ${name}`);
    if (!sameShape(saved.shape, params[name].shape)) {
      throw new RangeError(
        `the saved parameter ${name} is ${fmtShape(saved.shape)}, the network's is ${fmtShape(params[name].shape)}`,
      );
    }
  }
  for (const name of Object.keys(state.params)) {
    if (params[name] === undefined)
      throw new RangeError(`the network has no parameter ${name} (found in the saved state)`);
  }
  if (state.iteration > run.totalIterations) {
    throw new RangeError(
      `the saved state is at iteration ${state.iteration}, past the run's ${run.totalIterations}`,
    );
  }
  for (const name of Object.keys(params)) params[name].data.set(state.params[name].data);
  run.optimizer.setState(state.optimizer);
  run.rng.setState(state.rng);
  run.sampler.setState(state.sampler);
  run.iteration = state.iteration;
  // Copied element by element: a long run's loss list is too long to spread into push().
  run.history.loss.length = 0;
  for (const l of state.history.loss) run.history.loss.push(l);
  run.history.epochs.length = 0;
  for (const e of state.history.epochs) run.history.epochs.push(e);
  if (run.earlyStopping !== null) {
    const best = Object.fromEntries(
      Object.entries(state.bestParams ?? {}).map(([name, t]) => [name, t.data]),
    );
    run.earlyStopping.resume(state.history.epochs, best);
  }
}

/** The early-stopping copy of the best parameters, with the network's shapes. */
function savedBest(run: TrainingRun): Record<string, SavedTensor> {
  const out: Record<string, SavedTensor> = {};
  for (const [name, data] of Object.entries(run.earlyStopping?.bestParams ?? {})) {
    out[name] = {
      shape: [...(run.network.params[name]?.shape ?? [data.length])],
      data: data.slice(),
    };
  }
  return out;
}
