import type { FloatArray } from '../tensor/tensor.js';
import { checkNetworkConfig } from '../models/check-network-config.js';
import { decodeSafetensors } from '../io/safetensors-decode.js';
import { encodeSafetensors, type SafetensorsTensor } from '../io/safetensors.js';
import type { NetworkConfig } from '../models/network.js';
import type { EpochRecord } from './train-history.js';
import { resolveTrainOptions, type TrainOptions } from './train-options.js';
import type { SavedTensor, TrainState } from './train-state.js';

/** The `format` metadata value of a gradlab checkpoint. */
export const CHECKPOINT_FORMAT = 'gradlab-checkpoint-1';

/**
 * A checkpoint file that is not one, or whose contents do not fit together. Names the file.
 * @example
 * try { decodeCheckpoint(bytes, 'runs/a/checkpoint.safetensors'); } catch (e) { e instanceof CheckpointError; }
 */
export class CheckpointError extends Error {
  override readonly name = 'CheckpointError';
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(`${source}: ${message}`);
  }
}

/**
 * A float array as a safetensors entry, F32 or F64 after its type. Not copied: the encoder copies
 * the bytes into the file.
 * Shapes: data holds ∏shape numbers, C order.
 * @example
 * floatSafetensor([2], Float32Array.of(1, 2)); // { dtype: 'F32', shape: [2], data: Float32Array [1, 2] }
 */
export function floatSafetensor(shape: readonly number[], data: FloatArray): SafetensorsTensor {
  return { dtype: data instanceof Float32Array ? 'F32' : 'F64', shape, data };
}

/**
 * A training state as one safetensors file: parameters as `param.W1` … (early stopping's best
 * ones as `best.W1` …), optimizer buffers as
 * `optimizer.v.W1` …, the shuffle order as `sampler.order`, the loss history as `history.loss`
 * (float64, bit-exact); options, network config, counters, generator state and the epoch
 * records as JSON strings in `__metadata__`. One file, so one atomic rename saves all of it.
 * `extra` holds the caller's own strings (where the data came from, say), read back as `extra`.
 * @example
 * writeFileAtomic('runs/a/checkpoint.safetensors', encodeCheckpoint(captureTrainState(run), net.config)); // not run: writes a file
 */
export function encodeCheckpoint(
  state: TrainState,
  config: NetworkConfig,
  extra: Readonly<Record<string, string>> = {},
): Uint8Array {
  const tensors: Record<string, SafetensorsTensor> = {};
  for (const [name, p] of Object.entries(state.params))
    tensors[`param.${name}`] = floatSafetensor(p.shape, p.data);
  for (const [name, p] of Object.entries(state.bestParams ?? {}))
    tensors[`best.${name}`] = floatSafetensor(p.shape, p.data);
  for (const [key, buf] of Object.entries(state.optimizer.buffers)) {
    tensors[`optimizer.${key}`] = floatSafetensor([buf.length], buf);
  }
  if (state.sampler.order !== null) {
    tensors['sampler.order'] = {
      dtype: 'I32',
      shape: [state.sampler.order.length],
      data: state.sampler.order,
    };
  }
  tensors['history.loss'] = floatSafetensor(
    [state.history.loss.length],
    Float64Array.from(state.history.loss),
  );
  const prefixed = Object.fromEntries(Object.entries(extra).map(([k, v]) => [`extra.${k}`, v]));
  return encodeSafetensors(tensors, {
    ...prefixed,
    format: CHECKPOINT_FORMAT,
    options: JSON.stringify(state.options),
    config: JSON.stringify(config),
    iteration: String(state.iteration),
    optimizer: JSON.stringify({ name: state.optimizer.name, step: state.optimizer.step }),
    rng: JSON.stringify(state.rng),
    samplerCursor: String(state.sampler.cursor),
    epochs: JSON.stringify(state.history.epochs),
  });
}

/** A checkpoint read back: the state, the network config it was saved with and the caller's extra strings. */
export interface DecodedCheckpoint {
  readonly state: TrainState;
  readonly config: NetworkConfig;
  readonly extra: Readonly<Record<string, string>>;
  /** The saved options as JSON text (a field that older files kept there, like `data`, can be read from it). */
  readonly optionsJson: string;
}

/**
 * Reads a checkpoint written by encodeCheckpoint, checking its format and every field.
 * Throws CheckpointError (or SafetensorsError for a malformed file) naming `source`.
 * @example
 * const { state, config } = decodeCheckpoint(readFileBytes(path), path); // not run: reads a file
 */
export function decodeCheckpoint(bytes: Uint8Array, source: string): DecodedCheckpoint {
  const { tensors, metadata } = decodeSafetensors(bytes, source);
  const fail = (message: string): never => {
    throw new CheckpointError(source, message);
  };
  if (metadata.format !== CHECKPOINT_FORMAT) {
    fail(
      `expected a gradlab checkpoint (format ${CHECKPOINT_FORMAT}), found format ${JSON.stringify(metadata.format ?? null)}`,
    );
  }
  const json = (key: string): unknown => {
    const text = metadata[key];
    if (text === undefined) return fail(`metadata field ${key} is missing`);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return fail(`metadata field ${key} is not valid JSON`);
    }
  };
  const int = (key: string): number => {
    const v = Number(metadata[key]);
    return Number.isSafeInteger(v) && v >= 0
      ? v
      : fail(`metadata field ${key} must be an integer ≥ 0, found ${metadata[key]}`);
  };
  let options: TrainOptions;
  try {
    options = resolveTrainOptions(json('options') as Record<string, never>);
  } catch (e) {
    return fail(`saved options are invalid: ${(e as Error).message}`);
  }
  const params: Record<string, SavedTensor> = {};
  const bestParams: Record<string, SavedTensor> = {};
  const buffers: Record<string, FloatArray> = {};
  let order: Int32Array | null = null;
  let loss: Float64Array | null = null;
  for (const [name, t] of Object.entries(tensors)) {
    const isFloat = t.data instanceof Float32Array || t.data instanceof Float64Array;
    if (name.startsWith('param.') && isFloat)
      params[name.slice(6)] = { shape: t.shape, data: t.data as FloatArray };
    else if (name.startsWith('best.') && isFloat)
      bestParams[name.slice(5)] = { shape: t.shape, data: t.data as FloatArray };
    else if (name.startsWith('optimizer.') && isFloat)
      buffers[name.slice(10)] = t.data as FloatArray;
    else if (name === 'sampler.order' && t.data instanceof Int32Array) order = t.data;
    else if (name === 'history.loss' && t.data instanceof Float64Array) loss = t.data;
    else fail(`unexpected tensor ${name} (${t.dtype})`);
  }
  if (loss === null) return fail('tensor history.loss is missing');
  const iteration = int('iteration');
  if (loss.length !== iteration)
    fail(`history.loss holds ${loss.length} values for ${iteration} iterations`);
  const opt = json('optimizer') as { name?: unknown; step?: unknown };
  if (typeof opt?.name !== 'string' || !Number.isSafeInteger(opt.step))
    fail('metadata field optimizer must hold a name and a step');
  const rng = json('rng') as TrainState['rng'];
  if (!Array.isArray(rng?.s) || rng.s.length !== 4 || !rng.s.every((w) => Number.isInteger(w))) {
    fail('metadata field rng must hold four integer words');
  }
  const epochs = json('epochs');
  if (!Array.isArray(epochs)) fail('metadata field epochs must be an array');
  let config: NetworkConfig;
  try {
    config = checkNetworkConfig(json('config'));
  } catch (e) {
    return fail(`saved config is invalid: ${(e as Error).message}`);
  }
  const extra: Record<string, string> = {};
  for (const [k, v] of Object.entries(metadata)) if (k.startsWith('extra.')) extra[k.slice(6)] = v;
  return {
    config,
    extra,
    optionsJson: metadata.options ?? '{}',
    state: {
      options,
      iteration,
      params,
      optimizer: { name: opt.name as string, step: opt.step as number, buffers },
      rng,
      sampler: { order, cursor: int('samplerCursor') },
      history: { loss: Array.from(loss), epochs: epochs as EpochRecord[] },
      ...(Object.keys(bestParams).length > 0 ? { bestParams } : {}),
    },
  };
}
