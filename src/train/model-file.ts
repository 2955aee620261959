import { type FloatArray, fmtShape, sameShape } from '../tensor/tensor.js';
import { checkNetworkConfig } from '../models/check-network-config.js';
import { decodeSafetensors } from '../io/safetensors-decode.js';
import { encodeSafetensors, type SafetensorsTensor } from '../io/safetensors.js';
import type { Network, NetworkConfig } from '../models/network.js';
import { createNetwork } from '../models/create-network.js';
import { createRng } from '../tensor/rng.js';
import { CHECKPOINT_FORMAT, floatSafetensor } from './checkpoint.js';
import { loadStateDict } from './state-dict-model.js';
import type { Activation } from '../models/activations.js';
import { isStateDict } from '../interop/state-dict.js';

/** The `format` metadata value of a gradlab model file. */
export const MODEL_FORMAT = 'gradlab';

/**
 * A model file whose tensors or architecture do not make a network. Names the file.
 * @example
 * try { loadModel(bytes, 'm.safetensors'); } catch (e) { e instanceof ModelFileError; }
 */
export class ModelFileError extends Error {
  override readonly name = 'ModelFileError';
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(`${source}: ${message}`);
  }
}

/**
 * A network's parameters as safetensors bytes: tensors W1, b1, W2, b2, … (F32 or F64, gradlab's
 * (in, out) layout: PyTorch's nn.Linear stores the transpose) and the architecture as JSON in
 * `__metadata__.config`, so `safetensors.safe_open` or `safetensors.torch.load_file` read it.
 * `extra` adds the caller's metadata strings (a CSV model's feature names and scaling, say).
 * @example
 * writeFileAtomic('runs/a/model.safetensors', encodeModel(network)); // not run: writes a file
 */
export function encodeModel(
  network: Network,
  extra: Readonly<Record<string, string>> = {},
): Uint8Array {
  const tensors: Record<string, SafetensorsTensor> = {};
  for (const [name, p] of Object.entries(network.params))
    tensors[name] = floatSafetensor(p.shape, p.data);
  return encodeSafetensors(tensors, {
    ...extra,
    format: MODEL_FORMAT,
    config: JSON.stringify(network.config),
  });
}

/** The architecture a model file implies when it carries no gradlab config (e.g. written by PyTorch). */
function inferConfig(
  tensors: Record<string, { shape: readonly number[]; dtype: string }>,
  source: string,
): NetworkConfig {
  const layers: number[] = [];
  for (let k = 1; tensors[`W${k}`] !== undefined; k++) {
    const W = tensors[`W${k}`].shape;
    if (W.length !== 2)
      throw new ModelFileError(source, `W${k} must be 2-D (inputs, outputs), found ${fmtShape(W)}`);
    if (k === 1) layers.push(W[0]);
    layers.push(W[1]);
  }
  if (layers.length < 3) {
    throw new ModelFileError(
      source,
      'expected tensors W1, b1, W2, b2, … (at least two layers), found ' +
        Object.keys(tensors).join(', '),
    );
  }
  return {
    kind: layers.length === 3 ? 'two-layer' : 'multi-layer',
    inputSize: layers[0],
    hiddenSizes: layers.slice(1, -1),
    outputSize: layers[layers.length - 1],
    activation: 'relu',
    weightDecay: 0,
    dropout: 0,
    dtype: tensors.W1.dtype === 'F64' ? 'float64' : 'float32',
  };
}

/** Options of loadModel. */
export interface LoadModelOptions {
  /**
   * The hidden activation of a PyTorch state dict (`0.weight`, `0.bias`, …) that does not record
   * one; also overrides the ReLU assumed for a bare W1, b1, … file.
   */
  readonly activation?: Activation;
}

/**
 * Reads a model file into a network: the architecture from `__metadata__.config` (or inferred
 * from the shapes of W1, W2, … with ReLU when absent), then every parameter checked for name,
 * shape and dtype and copied in. A PyTorch nn.Sequential state dict (`0.weight` (out, in),
 * `0.bias`, `2.weight`, …) is read too: architecture from the shapes, the activation from
 * `options.activation` (or the metadata gradlab's export wrote). Throws ModelFileError,
 * StateDictError or SafetensorsError naming the file.
 * @example
 * const network = loadModel(readFileBytes('runs/a/model.safetensors'), 'runs/a/model.safetensors'); // not run: reads a file
 * const fromTorch = loadModel(bytes, 'torch.safetensors', { activation: 'relu' });
 */
export function loadModel(
  bytes: Uint8Array,
  source: string,
  options: LoadModelOptions = {},
): Network {
  const { tensors, metadata } = decodeSafetensors(bytes, source);
  if (isStateDict(Object.keys(tensors)))
    return loadStateDict(tensors, metadata, source, options.activation);
  if (metadata.format === CHECKPOINT_FORMAT) {
    throw new ModelFileError(
      source,
      'this is a training checkpoint (it resumes a training run, it is not a model); give the model file (model.safetensors) saved next to it',
    );
  }
  let config: NetworkConfig;
  if (metadata.config !== undefined) {
    try {
      config = JSON.parse(metadata.config) as NetworkConfig;
    } catch {
      throw new ModelFileError(source, 'metadata field config is not valid JSON');
    }
  } else {
    config = inferConfig(tensors, source);
    if (options.activation !== undefined) config = { ...config, activation: options.activation };
  }
  let network: Network;
  try {
    network = createNetwork(checkNetworkConfig(config), createRng(0));
  } catch (e) {
    throw new ModelFileError(
      source,
      `the architecture in the file is invalid: ${(e as Error).message}`,
    );
  }
  const params = network.params;
  for (const name of Object.keys(tensors)) {
    if (params[name] === undefined)
      throw new ModelFileError(
        source,
        `unexpected tensor ${name}: the network has ${Object.keys(params).join(', ')}`,
      );
  }
  for (const [name, p] of Object.entries(params)) {
    const t = tensors[name];
    if (t === undefined) throw new ModelFileError(source, `tensor ${name} is missing`);
    if (!sameShape(t.shape, p.shape)) {
      throw new ModelFileError(
        source,
        `tensor ${name} is ${fmtShape(t.shape)}, expected ${fmtShape(p.shape)}`,
      );
    }
    if (!(t.data instanceof Float32Array || t.data instanceof Float64Array)) {
      throw new ModelFileError(source, `tensor ${name} has dtype ${t.dtype}, expected F32 or F64`);
    }
    (p.data as FloatArray).set(t.data);
  }
  return network;
}
