import { Command, Option } from 'commander';
import type { Activation } from '../models/activations.js';
import { loadDataset } from '../platform/node/datasets.js';
import { invertImages } from '../data/invert-images.js';
import { Evaluator } from '../train/evaluator.js';
import { ModelFileError } from '../train/model-file.js';
import { BACKEND_NAMES, DEFAULT_BACKEND, useBackend, type BackendName } from './backend-choice.js';
import { UsageError } from './cli-error.js';
import { isTableData, tableSource } from './data-source.js';
import { checkModelFitsData, modelActivationOption } from './model-input.js';
import { evaluationTable, splitPart } from '../train/evaluation-table.js';
import { savedHead } from '../train/saved-head.js';
import { allOutputs } from '../train/all-outputs.js';
import { readSavedModel } from './table-model.js';

interface EvalFlags {
  model: string;
  data: string;
  target?: string;
  split: 'test' | 'train' | 'validation' | 'all';
  json?: boolean;
  invert?: boolean;
  backend: BackendName;
  activation?: Activation;
}

/**
 * Registers `gradlab eval --model FILE [--data NAME|FILE] [--target COLUMN] [--json]`: prints a
 * saved model's metrics: accuracy on an image set split; for a model trained on a table, its
 * head's metrics (accuracy and nll; rmse, mae and nll; nll and deviance) on every row of the
 * file. With --json the last line of stdout is exactly one JSON object of the numbers.
 * Book: network.accuracy(x_test, t_test) in train_neuralnet.py.
 */
export function registerEvalCommand(program: Command): Command {
  return program
    .command('eval')
    .description("print a saved model's metrics (model.safetensors) on a data set")
    .requiredOption(
      '--model <file>',
      'a model file written by gradlab train (or any safetensors file with W1, b1, W2, b2, …)',
    )
    .option(
      '--data <name|dir|file>',
      "'mnist', 'fashion-mnist', a directory of the four IDX files, or for table models a CSV/JSON file or iris, cars, unemployment",
      'mnist',
    )
    .option('--target <column>', "the target column of a table (default: the model's)")
    .addOption(
      new Option(
        '--split <part>',
        "which rows: an image set's test or train set (default test); for a table every row, or the train/validation/test part of the training run's seeded split",
      )
        .choices(['test', 'train', 'validation', 'all'])
        .default('test'),
    )
    .option('--json', 'end with one line holding a JSON object of the metrics')
    .option(
      '--invert',
      'image sets: invert every pixel (x ← 1 − x), dark digits on white paper, a distribution the model never saw',
    )
    .addOption(modelActivationOption())
    .addOption(
      new Option('--backend <name>', 'compute backend')
        .choices([...BACKEND_NAMES])
        .default(DEFAULT_BACKEND),
    )
    .action(async (flags: EvalFlags, command: Command) => {
      await useBackend(flags.backend);
      const { network, table } = readSavedModel(flags.model, flags.activation);
      let result: Record<string, number | string>;
      if (table !== null) {
        if (flags.invert === true) {
          throw new UsageError('--invert inverts image pixels; this model was trained on a table');
        }
        if (!isTableData(flags.data)) {
          throw new UsageError(
            `${flags.model} was trained on a table (target ${table.target}); give --data a CSV or JSON file`,
          );
        }
        const { rows } = tableSource({ data: flags.data, target: flags.target ?? table.target });
        const all = await evaluationTable(rows, table, flags.target ?? table.target);
        const part = command.getOptionValueSource('split') === 'cli' ? flags.split : 'all';
        const ds = part === 'all' ? all : splitPart(all, table, part, flags.data);
        const head = savedHead(table);
        const { output, targets } = allOutputs(network, ds);
        const metrics = head.metrics(output, targets);
        console.log(
          `${head.name} head on ${part === 'all' ? 'all' : `the ${part}`} ${ds.count} rows of ${flags.data}:`,
        );
        for (const [k, v] of Object.entries(metrics)) console.log(`  ${k} ${v.toFixed(4)}`);
        result = { head: head.name, split: part, rows: ds.count, ...metrics };
      } else {
        if (flags.split === 'validation' || flags.split === 'all') {
          throw new UsageError(
            `--split ${flags.split} is for table models; an image set has test and train`,
          );
        }
        if (isTableData(flags.data)) {
          throw new ModelFileError(
            flags.model,
            'this model keeps no table metadata (feature names, scaling); it was not trained on a table',
          );
        }
        const loaded = loadDataset(flags.data)[flags.split];
        const ds = flags.invert === true ? invertImages(loaded) : loaded;
        checkModelFitsData(network, flags.model, ds, flags.data);
        const correct = new Evaluator(1000, network.config.dtype).correct(network, ds);
        const inverted = flags.invert === true ? ' (inverted)' : '';
        console.log(
          `${flags.split} accuracy ${(correct / ds.count).toFixed(4)} (${correct}/${ds.count}) on ${flags.data}${inverted}`,
        );
        result = {
          accuracy: correct / ds.count,
          correct,
          count: ds.count,
          split: flags.split,
          ...(flags.invert === true ? { inverted: 'yes' } : {}),
        };
      }
      if (flags.json === true) console.log(JSON.stringify(result));
    });
}
