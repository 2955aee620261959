import {
  confusionMatrix,
  createWasmBackend,
  Evaluator,
  encodeModel,
  loadModel,
  prepareTraining,
  resolveTrainOptions,
  setBackend,
  wasmSimdSupported,
  weightImages,
  type ImageDataset,
  type Network,
  type TrainingRun,
  type TrainOptionsInput,
} from 'gradlab';
import type { ModelInfo, ModelSource, TestReport } from './protocol.js';

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

/** How many misclassified digits and first-layer units the Train tab shows. */
const REPORT_IMAGES = 16;

/**
 * The network on the whole test set: its confusion matrix, the first misclassified digits
 * with their predicted probability, and W1's first columns as images (when the input is an image).
 */
export function testReport(network: Network, test: ImageDataset): TestReport {
  const { predicted, probability } = new Evaluator(1000, network.config.dtype).classify(
    network,
    test,
  );
  const size = test.rows * test.cols;
  const misclassified: TestReport['misclassified'][number][] = [];
  for (let n = 0; n < test.count && misclassified.length < REPORT_IMAGES; n++) {
    if (predicted[n] === test.labels[n]) continue;
    misclassified.push({
      pixels: test.images.slice(n * size, (n + 1) * size),
      label: test.labels[n]!,
      predicted: predicted[n]!,
      probability: probability[n]!,
    });
  }
  const W1 = network.params.W1;
  return {
    classes: test.classes,
    count: test.count,
    confusion: confusionMatrix(test.labels, predicted, test.classes),
    misclassified,
    weights: W1 && W1.shape[0] === size ? weightImages(W1, REPORT_IMAGES) : [],
  };
}
