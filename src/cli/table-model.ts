import type { Dataset } from '../data/batch-source.js';
import { decodeSafetensors } from '../io/safetensors-decode.js';
import type { Activation } from '../models/activations.js';
import type { Network } from '../models/network.js';
import { readFileBytes } from '../platform/node/read-bytes.js';
import { fromArray, zeros } from '../tensor/creation.js';
import type { Tensor } from '../tensor/tensor.js';
import { loadModel, ModelFileError } from '../train/model-file.js';
import type { TableMeta } from './table-data.js';

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

/**
 * The network's outputs on every row of a data set, computed in chunks, as one float64 tensor,
 * with the targets as class indices (class targets) or an (N, 1) tensor.
 * Shapes: ds (N, features) → output (N, outputSize), targets (N) or (N, 1).
 * @example
 * const { output, targets } = allOutputs(network, ds); // then head.metrics(output, targets) (not run: needs a network and a dataset)
 */
export function allOutputs(
  network: Network,
  ds: Dataset,
  chunk = 1000,
): { output: Tensor; targets: Int32Array | Tensor } {
  const k = network.config.outputSize;
  const out = new Float64Array(ds.count * k);
  const cls = ds.target.kind === 'class';
  const width = cls ? 1 : ds.target.kind === 'value' ? ds.target.width : 1;
  const t = new Float64Array(ds.count * width);
  const labels = new Int32Array(cls ? ds.count : 0);
  const indices = new Int32Array(chunk);
  for (let start = 0; start < ds.count; start += chunk) {
    const n = Math.min(chunk, ds.count - start);
    for (let i = 0; i < n; i++) indices[i] = start + i;
    const x = zeros([n, ds.features], { dtype: network.config.dtype });
    const tb = cls ? new Int32Array(n) : zeros([n, width], { dtype: network.config.dtype });
    ds.fillBatch(indices, n, x, tb);
    out.set(network.predict(x, false).data, start * k);
    if (tb instanceof Int32Array) labels.set(tb, start);
    else t.set(tb.data, start * width);
  }
  return {
    output: fromArray(out, [ds.count, k], { dtype: 'float64' }),
    targets: cls ? labels : fromArray(t, [ds.count, width], { dtype: 'float64' }),
  };
}
