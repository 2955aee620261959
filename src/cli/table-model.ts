import { decodeSafetensors } from '../io/safetensors-decode.js';
import type { Activation } from '../models/activations.js';
import type { Network } from '../models/network.js';
import { readFileBytes } from '../platform/node/read-bytes.js';
import { loadModel, ModelFileError } from '../train/model-file.js';
import type { TableMeta } from '../data/table-meta.js';

/** A model file read back with what it remembers about a table (null for an image model). */
export interface SavedModel {
  readonly network: Network;
  readonly table: TableMeta | null;
}

/**
 * Reads a model file: the network, and the `data` metadata a table-trained model keeps
 * (feature names, scaling, head, class names), checked against the network's sizes.
 * @example
 * const { network, table } = readSavedModel('runs/cars/model.safetensors'); // not run: needs a model file
 */
export function readSavedModel(path: string, activation?: Activation): SavedModel {
  const bytes = readFileBytes(path, { gunzip: false });
  const network = loadModel(bytes, path, { activation });
  const text = decodeSafetensors(bytes, path).metadata.data;
  if (text === undefined) return { network, table: null };
  let table: TableMeta;
  try {
    table = JSON.parse(text) as TableMeta;
  } catch {
    throw new ModelFileError(path, 'metadata field data is not valid JSON');
  }
  const d = table.features?.length;
  if (
    !Array.isArray(table.features) ||
    typeof table.head !== 'string' ||
    typeof table.target !== 'string' ||
    table.scaling?.mean?.length !== d ||
    table.scaling?.std?.length !== d
  ) {
    throw new ModelFileError(
      path,
      'metadata field data must hold target, features, head and a scaling per feature',
    );
  }
  if (d !== network.config.inputSize) {
    throw new ModelFileError(
      path,
      `the data metadata names ${d} features, the network takes ${network.config.inputSize} inputs`,
    );
  }
  return { network, table };
}
