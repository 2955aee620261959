import { Command, Option } from 'commander';
import { fillImageBatch, fillLabelBatch } from '../data/dataset.js';
import { gradientCheck } from '../numerical/gradient-check.js';
import { loadDataset } from '../platform/node/datasets.js';
import { clone, zeros } from '../tensor/creation.js';
import { createRng } from '../tensor/rng.js';
import { ACTIVATION_NAMES, type Activation } from '../models/activations.js';
import { createNetwork } from '../models/create-network.js';
import { networkConfigFor } from '../train/network-config.js';
import { resolveTrainOptions } from '../train/train-options.js';
import { BACKEND_NAMES, DEFAULT_BACKEND, useBackend, type BackendName } from './backend-choice.js';
import { parsePositiveInt, parseSeed, parseSizeList } from './option-parsers.js';

interface GradcheckFlags {
  data: string;
  count: number;
  hidden?: number[];
  activation: Activation;
  seed: number;
  backend: BackendName;
}

/**
 * Registers `gradlab gradcheck`: the chapter-5 gradient check. A TwoLayerNet (784-50-10,
 * float64) on the first 3 training images; for each parameter the mean |backprop − numerical|
 * (the book prints b1 9.7e-13, W2 8.4e-13, b2 1.2e-10, W1 2.2e-13), plus the largest relative
 * difference. Float64, as NumPy computes it; float32 would show ~1e-4.
 * Book: gradient_check.py (ch05 §5.7.3).
 */
export function registerGradcheckCommand(program: Command): Command {
  return program
    .command('gradcheck')
    .description(
      'compare backpropagation with numerical gradients on MNIST images (chapter 5, float64)',
    )
    .option(
      '--data <name|dir>',
      "'mnist', 'fashion-mnist' or a directory of the four IDX files",
      'mnist',
    )
    .option('--count <n>', 'number of training images (the book: 3)', parsePositiveInt, 3)
    .option(
      '--hidden <sizes>',
      'hidden sizes; more than one uses MultiLayerNet (default 50)',
      parseSizeList,
    )
    .addOption(
      new Option('--activation <fn>', 'hidden activation')
        .choices(ACTIVATION_NAMES)
        .default('relu'),
    )
    .option('--seed <n>', 'seed of the initial weights', parseSeed, 0)
    .addOption(
      new Option('--backend <name>', 'compute backend')
        .choices([...BACKEND_NAMES])
        .default(DEFAULT_BACKEND),
    )
    .action(async (flags: GradcheckFlags) => {
      await useBackend(flags.backend);
      const { train } = loadDataset(flags.data);
      const hiddenSizes = flags.hidden ?? [50];
      const options = resolveTrainOptions({
        model: hiddenSizes.length === 1 ? 'two-layer' : 'multi-layer',
        hiddenSizes,
        activation: flags.activation,
        dtype: 'float64',
        seed: flags.seed,
      });
      const network = createNetwork(
        networkConfigFor(options, train.rows * train.cols, train.classes),
        createRng(flags.seed),
      );
      const n = Math.min(flags.count, train.count);
      const indices = Int32Array.from({ length: n }, (_, i) => i);
      const x = zeros([n, train.rows * train.cols], { dtype: 'float64' });
      fillImageBatch(train, indices, n, x.data);
      const t = fillLabelBatch(train, indices, n, new Int32Array(n));
      const analytic = Object.fromEntries(
        Object.entries(network.gradient(x, t).grads).map(([k, g]) => [k, clone(g)]),
      );
      const started = performance.now();
      const numerical = network.numericalGradient(x, t);
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `gradient check: ${[network.config.inputSize, ...hiddenSizes, network.config.outputSize].join('-')} ${flags.activation}, ` +
          `${n} images, float64 (numerical gradient took ${seconds.toFixed(1)} s)`,
      );
      const diffs = gradientCheck(analytic, numerical);
      for (const [key, d] of Object.entries(diffs)) {
        console.log(
          `${key}: mean |backprop − numerical| ${d.meanAbs.toExponential(3)}, max relative ${d.maxRel.toExponential(3)}`,
        );
      }
    });
}
