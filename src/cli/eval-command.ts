import { Command, Option } from 'commander';
import { loadDataset } from '../platform/node/datasets.js';
import { Evaluator } from '../train/evaluator.js';
import { BACKEND_NAMES, DEFAULT_BACKEND, useBackend, type BackendName } from './backend-choice.js';
import type { Activation } from '../models/activations.js';
import { modelActivationOption, checkModelFitsData, readModelFile } from './model-input.js';

interface EvalFlags {
  model: string;
  data: string;
  split: 'test' | 'train';
  backend: BackendName;
  activation?: Activation;
}

/**
 * Registers `gradlab eval --model FILE [--data NAME] [--split test|train]`: prints the accuracy
 * of a saved model on a dataset split.
 * Book: network.accuracy(x_test, t_test) in train_neuralnet.py.
 */
export function registerEvalCommand(program: Command): Command {
  return program
    .command('eval')
    .description('print the accuracy of a saved model (model.safetensors) on a dataset')
    .requiredOption(
      '--model <file>',
      'a model file written by gradlab train (or any safetensors file with W1, b1, W2, b2, …)',
    )
    .option(
      '--data <name|dir>',
      "'mnist', 'fashion-mnist' or a directory of the four IDX files",
      'mnist',
    )
    .addOption(
      new Option('--split <split>', 'which samples to measure on')
        .choices(['test', 'train'])
        .default('test'),
    )
    .addOption(modelActivationOption())
    .addOption(
      new Option('--backend <name>', 'compute backend')
        .choices([...BACKEND_NAMES])
        .default(DEFAULT_BACKEND),
    )
    .action(async (flags: EvalFlags) => {
      await useBackend(flags.backend);
      const network = readModelFile(flags.model, flags.activation);
      const ds = loadDataset(flags.data)[flags.split];
      checkModelFitsData(network, flags.model, ds, flags.data);
      const correct = new Evaluator(1000, network.config.dtype).correct(network, ds);
      console.log(
        `${flags.split} accuracy ${(correct / ds.count).toFixed(4)} (${correct}/${ds.count}) on ${flags.data}`,
      );
    });
}
