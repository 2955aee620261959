import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Command, Option } from 'commander';
import type { Activation } from '../models/activations.js';
import { ONNX_OPSET, toOnnx, type OnnxInputScaling } from '../interop/onnx.js';
import { headFor } from '../heads/heads.js';
import {
  encodeTorchModel,
  trainScript,
  type TorchTrainingConfig,
} from '../interop/pytorch-export.js';
import { writeFileAtomic } from '../platform/node/atomic-write.js';
import { packageFileText } from '../platform/node/package-file.js';
import { resolveTrainOptions, type TrainOptions } from '../train/train-options.js';
import { UsageError } from './cli-error.js';
import { modelActivationOption } from './model-input.js';
import { readSavedModel } from './table-model.js';
import type { TableMeta } from '../data/table-meta.js';

interface ExportFlags {
  model: string;
  format: 'onnx' | 'pytorch';
  out: string;
  activation?: Activation;
}

/**
 * The training options of the run that wrote `modelPath`: metrics.json's `options` in the same
 * folder, or the book's defaults when there is none (a model file on its own).
 */
function runOptions(modelPath: string): { options: TrainOptions; from: string } {
  const metrics = join(dirname(modelPath), 'metrics.json');
  if (existsSync(metrics)) {
    try {
      const saved = (JSON.parse(readFileSync(metrics, 'utf8')) as { options?: object }).options;
      if (saved !== undefined) return { options: resolveTrainOptions(saved), from: metrics };
    } catch {
      // an unreadable metrics.json: fall back to the defaults, and say so
    }
  }
  return {
    options: resolveTrainOptions({}),
    from: 'the book defaults (no metrics.json beside the model)',
  };
}

/** What train.py needs from a run's options and the model's table metadata (null: MNIST-style images). */
function torchConfig(options: TrainOptions, table: TableMeta | null): TorchTrainingConfig {
  return {
    data:
      table === null
        ? { kind: 'idx', scale: 255 }
        : {
            kind: 'csv',
            features: table.features,
            target: table.target,
            mean: table.scaling.mean,
            std: table.scaling.std,
            ...(table.classes !== undefined ? { classes: table.classes } : {}),
          },
    head: table === null ? 'categorical' : headFor(table.head).name,
    optimizer: options.optimizer,
    learningRate: options.learningRate,
    batchSize: options.batchSize,
    weightDecay: options.weightDecay,
    sampling: options.sampling,
    seed: options.seed,
  };
}

/**
 * Registers `gradlab export --model FILE --format onnx|pytorch --out PATH`:
 * - onnx: one .onnx file (input x: raw pixels, outputs logits and probabilities; opset 13);
 * - pytorch: a folder with model.safetensors (nn.Sequential state dict), model.py and train.py
 *   (continues the run with DistributedDataParallel, the run's hyperparameters from metrics.json).
 */
export function registerExportCommand(program: Command): Command {
  return program
    .command('export')
    .description(
      'write a saved model as ONNX, or as PyTorch (state dict, model.py, train.py with DDP)',
    )
    .requiredOption('--model <file>', 'a model file written by gradlab train')
    .addOption(
      new Option('--format <format>', 'what to write')
        .choices(['onnx', 'pytorch'])
        .makeOptionMandatory(),
    )
    .requiredOption('--out <path>', 'the .onnx file (onnx) or a folder (pytorch)')
    .addOption(modelActivationOption())
    .action((flags: ExportFlags) => {
      const { network, table } = readSavedModel(flags.model, flags.activation);
      if (flags.format === 'onnx') {
        const head = table === null ? 'categorical' : headFor(table.head).name;
        const input: OnnxInputScaling =
          table === null
            ? { kind: 'divide', by: 255 }
            : { kind: 'standardize', mean: table.scaling.mean, std: table.scaling.std };
        writeFileAtomic(flags.out, toOnnx(network, { input, head }));
        const units =
          table === null ? 'raw pixels 0…255' : `the CSV's ${table.features.join(', ')}`;
        console.log(
          `wrote ${flags.out} (ONNX opset ${ONNX_OPSET}: x float32 [N, ${network.config.inputSize}], ${units} → logits and head ${head}'s outputs)`,
        );
        return;
      }
      if (existsSync(flags.out) && !statSync(flags.out).isDirectory()) {
        throw new UsageError(
          `export: --out ${flags.out} is a file; expected a folder for --format pytorch`,
        );
      }
      mkdirSync(flags.out, { recursive: true });
      const { options, from } = runOptions(flags.model);
      writeFileAtomic(
        join(flags.out, 'model.safetensors'),
        encodeTorchModel(network, table === null ? {} : { data: JSON.stringify(table) }),
      );
      writeFileAtomic(join(flags.out, 'model.py'), packageFileText('python/model.py'));
      writeFileAtomic(
        join(flags.out, 'train.py'),
        trainScript(packageFileText('python/train.py'), torchConfig(options, table)),
      );
      console.log(
        `wrote ${flags.out}/model.safetensors, model.py, train.py (hyperparameters from ${from})`,
      );
      const data = table === null ? 'MNIST-DIR' : 'FILE.csv';
      console.log(
        `continue training: python3 ${join(flags.out, 'train.py')} --nproc 2 --data ${data} --iters 1000 --out trained.safetensors`,
      );
    });
}
