import {
  createWasmBackend,
  encodeModel,
  loadModel,
  prepareTraining,
  resolveTrainOptions,
  setBackend,
  wasmSimdSupported,
  type Network,
  type TrainingRun,
  type TrainOptionsInput,
} from 'gradlab';
import type { ModelInfo, ModelSource } from './protocol.js';

/**
 * The worker's use of the library, in one place: choosing the backend (an entry point's
 * decision: the library's layers never see the backend), building a run, reading and writing model files.
 */

/**
 * Makes the WASM SIMD backend active before any tensor is created; a browser without WASM
 * SIMD keeps the JS reference backend (slower, same results up to rounding). Resolves with
 * the backend's name.
 */
export async function setupBackend(): Promise<string> {
  if (!wasmSimdSupported()) return 'js';
  const backend = await createWasmBackend();
  setBackend(backend);
  return backend.name;
}

/** A training run for options given by the page, on the given data. */
export function startRun(
  options: TrainOptionsInput,
  data: Parameters<typeof prepareTraining>[1],
): TrainingRun {
  return prepareTraining(resolveTrainOptions(options), data);
}

/** What the page shows about a model. */
export function networkSummary(network: Network, source: ModelSource): ModelInfo {
  return { source, config: network.config };
}

/** The model as a safetensors file, named after its architecture. */
export function exportModel(network: Network): { bytes: Uint8Array; name: string } {
  const c = network.config;
  return {
    bytes: encodeModel(network),
    name: `gradlab-${[c.inputSize, ...c.hiddenSizes, c.outputSize].join('-')}-${c.activation}.safetensors`,
  };
}

/** A network read from safetensors bytes (a file written by the CLI or by this page). */
export function importModel(bytes: Uint8Array, name: string): Network {
  return loadModel(bytes, name);
}
