import {
  allOutputs,
  csvTextRows,
  prepareTraining,
  resolveTrainOptions,
  tableHeads,
  trainingTable,
  trainSteps,
  zeros,
  type Dataset,
  type Head,
  type Network,
  type TableMeta,
} from 'gradlab';
import type { CsvEvent, CsvRequest, CsvResult } from './csv-protocol.js';
import { setupBackend } from './worker-model.js';

/**
 * The CSV card's worker: reads a file's text with the library's table reader (the CLI's
 * columns, default head, 8:1:1 split and standardisation), trains a two-layer net with the
 * head's loss in time slices, and reports every epoch, so the page never waits on training.
 */
const scope = self as unknown as {
  postMessage(message: CsvEvent): void;
  onmessage: ((e: MessageEvent<CsvRequest>) => void) | null;
};
const post = (message: CsvEvent): void => scope.postMessage(message);

/** The CLI's default split (train : validation : test). */
const RATIOS = [8, 1, 1];
/** Adam at 0.01 in batches of 32: a few hundred rows train in seconds. */
const LEARNING_RATE = 0.01;
const BATCH = 32;
const SLICE_MS = 60;

const backendReady = setupBackend();
// A new train request bumps it; the slices of an older run see the change and stop.
let current = 0;

async function inspect(request: Extract<CsvRequest, { type: 'inspect' }>): Promise<void> {
  const rows = csvTextRows(request.name, request.text);
  let target = request.target;
  if (target === null) {
    let header: string[] = [];
    // The header alone: the reader stops at the first data row.
    await rows
      .read(
        (h) => (header = h),
        () => {
          throw new StopRead();
        },
      )
      .catch((e: unknown) => {
        if (!(e instanceof StopRead)) throw e;
      });
    target = header.at(-1)?.trim() ?? '';
  }
  const h = await tableHeads(rows, target);
  post({ type: 'inspected', id: request.id, target, ...h });
}

/** Thrown by a row callback to stop a read once the header is known. */
class StopRead extends Error {}

async function train(request: Extract<CsvRequest, { type: 'train' }>): Promise<void> {
  const token = ++current;
  await backendReady;
  const t = await trainingTable(csvTextRows(request.name, request.text), {
    target: request.target,
    head: request.head,
    ratios: RATIOS,
    seed: request.seed,
  });
  const width = t.train.target.kind === 'class' ? t.train.target.classes : 1;
  const run = prepareTraining(
    resolveTrainOptions({
      model: 'two-layer',
      hiddenSizes: [request.hidden],
      optimizer: 'adam',
      learningRate: LEARNING_RATE,
      batchSize: Math.min(BATCH, t.train.count),
      epochs: request.epochs,
      seed: request.seed,
    }),
    t,
    { lastLayer: t.head.createLoss(), outputSize: t.head.outputSize(width) },
  );
  const steps = trainSteps(run);
  for (;;) {
    const t0 = performance.now();
    while (performance.now() - t0 < SLICE_MS) {
      const next = steps.next();
      if (next.done) return;
      const event = next.value;
      if (event.type === 'epoch') {
        post({
          type: 'epoch',
          id: request.id,
          epoch: event.epoch,
          epochs: request.epochs,
          trainLoss: event.trainLoss ?? NaN,
          validationLoss: event.validationLoss ?? NaN,
        });
      } else if (event.type === 'end') {
        post({ type: 'done', id: request.id, result: result(run.network, t, request.target) });
        return;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (token !== current) return;
  }
}

/** The head's metrics on the validation rows, and the points the card plots. */
function result(
  network: Network,
  t: { validation: Dataset | null; train: Dataset; head: Head; meta: TableMeta },
  target: string,
): CsvResult {
  const validation = t.validation!;
  const { output, targets } = allOutputs(network, validation);
  const metrics = t.head.metrics(output, targets);
  const real = t.head.targetKind !== 'class' && !(targets instanceof Int32Array);
  const one = t.meta.features.length === 1;
  let x: number[] | null = null;
  if (real && one) {
    // The rows were standardised for training; the plot shows the file's values.
    const { mean, std } = t.meta.scaling;
    const buffer = allInputs(validation);
    x = buffer.map((v) => v * std[0]! + mean[0]!);
  }
  return {
    head: t.head.name,
    rows: t.meta.split?.rows ?? 0,
    features: t.meta.features.length,
    train: t.train.count,
    validation: validation.count,
    metrics,
    actual: real ? Array.from(targets.data) : null,
    predicted: real ? Array.from(t.head.predict(output).data) : null,
    x,
    feature: one ? t.meta.features[0]! : null,
    target,
  };
}

/** The first feature of every row of a one-feature data set (scaled as trained). */
function allInputs(ds: Dataset): number[] {
  const n = ds.count;
  const x = zeros([n, 1], { dtype: 'float64' });
  const t = ds.target.kind === 'class' ? new Int32Array(n) : zeros([n, 1], { dtype: 'float64' });
  ds.fillBatch(
    Int32Array.from({ length: n }, (_, i) => i),
    n,
    x,
    t,
  );
  return Array.from(x.data);
}

scope.onmessage = (e) => {
  const request = e.data;
  const work = request.type === 'inspect' ? inspect(request) : train(request);
  work.catch((error: unknown) => {
    // A TableError's message names the file, line and column in one line: shown as it is.
    const message = error instanceof Error ? error.message : String(error);
    post({ type: 'error', id: request.id, message });
  });
};
