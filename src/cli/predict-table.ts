import Papa from 'papaparse';
import type { Head } from '../heads/index.js';
import type { Activation } from '../models/activations.js';
import { writeFileAtomic } from '../platform/node/atomic-write.js';
import { createRng } from '../tensor/rng.js';
import type { Tensor } from '../tensor/tensor.js';
import { ModelFileError } from '../train/model-file.js';
import { tableSource } from './data-source.js';
import type { TableMeta } from '../data/table-meta.js';
import { evaluationTable } from '../train/evaluation-table.js';
import { savedHead } from '../train/saved-head.js';
import { allOutputs } from '../train/all-outputs.js';
import { readSavedModel } from './table-model.js';

/** What `gradlab predict` on a table needs. */
export interface TablePredictRequest {
  readonly model: string;
  readonly data: string;
  readonly out?: string;
  readonly samples: number;
  readonly seed: number;
  readonly activation?: Activation;
}

/** The prediction columns of a head: class probabilities, P(y = 1), or the mean (and variance). */
function predictionColumns(
  head: Head,
  meta: TableMeta,
  output: Tensor,
): { names: string[]; rows: (row: number) => (string | number)[] } {
  const p = head.predict(output);
  const n = output.shape[0];
  if (head.name === 'categorical') {
    const classes = meta.classes ?? [];
    const c = classes.length;
    return {
      names: ['predicted', ...classes.map((k) => `p_${k}`)],
      rows: (r) => {
        let best = 0;
        for (let k = 1; k < c; k++) if (p.data[r * c + k] > p.data[r * c + best]) best = k;
        return [classes[best], ...Array.from(p.data.subarray(r * c, (r + 1) * c))];
      },
    };
  }
  const variance = head.variance?.(output);
  const width = p.size / n;
  const names = width === 1 ? ['mean'] : Array.from({ length: width }, (_, j) => `mean_${j + 1}`);
  if (head.name === 'bernoulli') names[0] = 'p_1';
  const vnames =
    variance === undefined
      ? []
      : names.map((m) => (width === 1 ? 'variance' : m.replace('mean', 'variance')));
  return {
    names: [...names, ...vnames],
    rows: (r) => [
      ...Array.from(p.data.subarray(r * width, (r + 1) * width)),
      ...(variance === undefined
        ? []
        : Array.from(variance.data.subarray(r * width, (r + 1) * width))),
    ],
  };
}

/**
 * Predictions of a table-trained model for every row of a CSV/JSON file (the target column may
 * be absent): the head's prediction per row (the class and its probabilities; P(y = 1); the
 * mean, and the variance when the head has one) and, with `samples` K, K seeded draws from the
 * predicted distribution. Written as CSV to `out` (atomically) or stdout.
 * @example
 * await predictTable({ model: 'runs/cars/model.safetensors', data: 'cars.csv', out: 'preds.csv', samples: 3, seed: 0 }); // not run: needs a model file
 */
export async function predictTable(request: TablePredictRequest): Promise<string> {
  const { network, table } = readSavedModel(request.model, request.activation);
  if (table === null) {
    throw new ModelFileError(
      request.model,
      'this model keeps no table metadata; it was not trained on a table',
    );
  }
  const head = savedHead(table);
  const { rows } = tableSource({ data: request.data, target: table.target });
  const ds = await evaluationTable(rows, table, null);
  const { output } = allOutputs(network, ds);
  const cols = predictionColumns(head, table, output);
  const rng = createRng(request.seed);
  const draws: Tensor[] = Array.from({ length: request.samples }, () => head.sample(output, rng));
  const perRow = draws.length === 0 ? 0 : draws[0].size / ds.count;
  const sampleNames = draws.flatMap((_, s) =>
    perRow === 1
      ? [`sample_${s + 1}`]
      : Array.from({ length: perRow }, (_, j) => `sample_${s + 1}_${j + 1}`),
  );
  const classes = head.name === 'categorical' ? (table.classes ?? []) : null;
  const data = Array.from({ length: ds.count }, (_, r) => [
    ...cols.rows(r),
    ...draws.flatMap((d) =>
      Array.from(d.data.subarray(r * perRow, (r + 1) * perRow), (v) =>
        classes === null ? v : classes[v],
      ),
    ),
  ]);
  const text =
    Papa.unparse({ fields: [...cols.names, ...sampleNames], data }, { newline: '\n' }) + '\n';
  if (request.out !== undefined) writeFileAtomic(request.out, text);
  return text;
}
