import type { ImageDataset } from '../data/dataset.js';
import { fillImageBatch } from '../data/dataset.js';
import type { Network } from '../models/network.js';
import { readFileBytes } from '../platform/node/read-bytes.js';
import { zeros } from '../tensor/creation.js';
import type { Tensor } from '../tensor/tensor.js';
import { Option } from 'commander';
import { ACTIVATION_NAMES, type Activation } from '../models/activations.js';
import { loadModel, ModelFileError } from '../train/model-file.js';

/**
 * `--activation <fn>` of the commands that read a model: a PyTorch state dict (`0.weight`, …)
 * does not record its hidden activation.
 */
export function modelActivationOption(): Option {
  return new Option(
    '--activation <fn>',
    'hidden activation of a PyTorch state-dict file (0.weight, 0.bias, …), which does not record it',
  ).choices([...ACTIVATION_NAMES]);
}

/** Reads a model file into a network (errors name the file). */
export function readModelFile(path: string, activation?: Activation): Network {
  return loadModel(readFileBytes(path, { gunzip: false }), path, { activation });
}

/** Throws unless the network takes images of the dataset's size. */
export function checkModelFitsData(
  network: Network,
  modelPath: string,
  ds: ImageDataset,
  dataName: string,
): void {
  const pixels = ds.rows * ds.cols;
  if (network.config.inputSize !== pixels || network.config.outputSize !== ds.classes) {
    throw new ModelFileError(
      modelPath,
      `the model takes ${network.config.inputSize} inputs and gives ${network.config.outputSize} classes, ` +
        `but ${dataName} has ${ds.rows}×${ds.cols} = ${pixels} pixels and ${ds.classes} classes`,
    );
  }
}

/** One image as a (1, pixels) input in the network's dtype, scaled to [0, 1] as in training. */
export function imageInput(network: Network, pixels: Uint8Array): Tensor {
  const x = zeros([1, pixels.length], { dtype: network.config.dtype });
  const ds: ImageDataset = {
    images: pixels,
    labels: new Uint8Array(1),
    count: 1,
    rows: 1,
    cols: pixels.length,
    classes: 1,
  };
  fillImageBatch(ds, Int32Array.of(0), 1, x.data);
  return x;
}
