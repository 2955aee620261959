import { Command, Option } from 'commander';
import { preprocessDigit } from '../data/preprocess-digit.js';
import { softmax } from '../functions/activations.js';
import { loadDataset } from '../platform/node/datasets.js';
import { readPng } from '../platform/node/read-png.js';
import { ModelFileError } from '../train/model-file.js';
import { BACKEND_NAMES, DEFAULT_BACKEND, useBackend, type BackendName } from './backend-choice.js';
import { UsageError } from './cli-error.js';
import type { Activation } from '../models/activations.js';
import {
  modelActivationOption,
  checkModelFitsData,
  imageInput,
  readModelFile,
} from './model-input.js';
import { isTableData } from './data-source.js';
import { parseIndex, parseSeed } from './option-parsers.js';
import { predictTable } from './predict-table.js';

/** The options of `gradlab predict` as commander parses them. */
export interface PredictFlags {
  model: string;
  image?: string;
  index?: number;
  data: string;
  out?: string;
  samples?: number;
  seed?: number;
  backend: BackendName;
  activation?: Activation;
}

/**
 * The class probabilities as lines: class, probability and a bar, the most likely marked.
 * @example
 * formatProbabilities(Float64Array.of(0.1, 0.9)); // → ['  0  0.1000  ███', '▶ 1  0.9000  ███████████████████████████']
 */
export function formatProbabilities(p: ArrayLike<number>, labels?: readonly string[]): string[] {
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
  const width = Math.max(
    ...Array.from({ length: p.length }, (_, i) => (labels?.[i] ?? String(i)).length),
  );
  return Array.from(p, (v, i) => {
    const name = (labels?.[i] ?? String(i)).padStart(width);
    return `${i === best ? '▶' : ' '} ${name}  ${v.toFixed(4)}  ${'█'.repeat(Math.round(v * 30))}`;
  });
}

/**
 * Throws a UsageError unless exactly one of --image and --index is given (checked before any
 * file is read).
 * @example
 * checkPredictFlags({ model: 'm.safetensors', data: 'mnist', backend: 'wasm' }); // → throws UsageError
 */
export function checkPredictFlags(flags: PredictFlags): void {
  if ((flags.image === undefined) === (flags.index === undefined)) {
    throw new UsageError('predict: give exactly one of --image <png> or --index <n>');
  }
}

/**
 * Registers `gradlab predict --model FILE (--image X.png | --index N)`: class probabilities
 * of one image. A PNG is converted the way MNIST digits were prepared (grayscale, white on
 * black, fitted to 20×20, centred by mass in 28×28); --index takes a test-set image.
 * `gradlab predict --model FILE --data FILE.csv [--samples K] [--out preds.csv]`: for a model
 * trained on a table, the head's prediction for every row and K draws from it, as CSV.
 */
export function registerPredictCommand(program: Command): Command {
  return program
    .command('predict')
    .description(
      'print the class probabilities of one image, or write predictions (and samples) for every row of a table',
    )
    .requiredOption('--model <file>', 'a model file written by gradlab train')
    .option('--image <png>', 'any PNG picture of a digit (converted to 28×28 like MNIST)')
    .option('--index <n>', 'the n-th image of the test set instead', parseIndex)
    .option(
      '--data <name|dir|file>',
      "dataset for --index: 'mnist', 'fashion-mnist' or a directory; or a CSV/JSON file (or iris, cars, unemployment) for a table model",
      'mnist',
    )
    .option('--out <file>', 'table models: write the predictions CSV here (default: stdout)')
    .option(
      '--samples <k>',
      'table models: also K draws per row from the predicted distribution',
      parseIndex,
    )
    .option('--seed <n>', 'seed of the draws (default 0)', parseSeed)
    .addOption(modelActivationOption())
    .addOption(
      new Option('--backend <name>', 'compute backend')
        .choices([...BACKEND_NAMES])
        .default(DEFAULT_BACKEND),
    )
    .action(async (flags: PredictFlags) => {
      if (isTableData(flags.data) && flags.image === undefined && flags.index === undefined) {
        await useBackend(flags.backend);
        const text = await predictTable({
          model: flags.model,
          data: flags.data,
          out: flags.out,
          samples: flags.samples ?? 0,
          seed: flags.seed ?? 0,
          activation: flags.activation,
        });
        if (flags.out === undefined) process.stdout.write(text);
        else
          console.log(
            `predictions for ${text.split('\n').length - 2} rows written to ${flags.out}`,
          );
        return;
      }
      checkPredictFlags(flags);
      await useBackend(flags.backend);
      const network = readModelFile(flags.model, flags.activation);
      let pixels: Uint8Array;
      let label = '';
      if (flags.image !== undefined) {
        pixels = preprocessDigit(readPng(flags.image));
        if (network.config.inputSize !== pixels.length) {
          throw new ModelFileError(
            flags.model,
            `the model takes ${network.config.inputSize} inputs, but --image gives 28×28 = ${pixels.length} pixels; expected a model trained on 28×28 images`,
          );
        }
      } else {
        const test = loadDataset(flags.data).test;
        checkModelFitsData(network, flags.model, test, flags.data);
        const n = flags.index ?? 0;
        if (n >= test.count)
          throw new UsageError(
            `predict: --index ${n} is out of range: the test set has ${test.count} images (0 … ${test.count - 1})`,
          );
        const size = test.rows * test.cols;
        pixels = test.images.subarray(n * size, (n + 1) * size);
        label = ` (label ${test.labels[n]})`;
      }
      const p = softmax(network.predict(imageInput(network, pixels))).data;
      let best = 0;
      for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
      console.log(`prediction: ${best}, probability ${p[best].toFixed(4)}${label}`);
      for (const line of formatProbabilities(p)) console.log(line);
    });
}
