import {
  createRng,
  fromArray,
  softmaxRows,
  trainSteps,
  type ImageDataset,
  type Network,
  type TrainEvent,
  type TrainingRun,
  type TrainOptionsInput,
  type TrainResult,
} from 'gradlab';
import { fetchMnist } from './mnist-fetch.js';
import { SpeedMeter } from './speed-meter.js';
import {
  networkSummary,
  exportModel,
  importModel,
  setupBackend,
  startRun,
  testReport,
} from './worker-model.js';
import type { ModelSource, WorkerEvent, WorkerRequest } from './protocol.js';

/**
 * The training worker: owns MNIST, the network and the WASM backend, and drives gradlab's
 * trainSteps generator in time slices so that pause, predict and export messages are
 * handled between two slices (the page never waits on training).
 */
const scope = self as unknown as {
  postMessage(message: WorkerEvent, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
};
const post = (message: WorkerEvent, transfer: Transferable[] = []): void =>
  scope.postMessage(message, transfer);

// A slice long enough that messaging costs little, short enough that pause feels instant.
const SLICE_MS = 80;

let data: { train?: Promise<ImageDataset>; test?: Promise<ImageDataset> } = {};
let network: Network | null = null;
let source: ModelSource = { kind: 'trained' };
let run: TrainingRun | null = null;
let steps: Generator<TrainEvent, TrainResult, void> | null = null;
let runOptions = '';
let loop = 0;
let running = false;
let speed = new SpeedMeter();

const backendReady = setupBackend();

function loadSplit(split: 'train' | 't10k'): Promise<ImageDataset> {
  const key = split === 'train' ? 'train' : 'test';
  data[key] ??= fetchMnist(split, (file, loaded, total) => {
    if (loaded === total || loaded % (4 << 20) < 65536) {
      post({
        type: 'status',
        key: 'status.downloading',
        params: { file, loaded: (loaded / 1e6).toFixed(1), total: (total / 1e6).toFixed(1) },
      });
    }
  }).catch((error: unknown) => {
    delete data[key];
    throw error;
  });
  return data[key];
}

async function start(options: TrainOptionsInput): Promise<void> {
  const key = JSON.stringify(options);
  // A pause or reset that arrives while the data downloads bumps `loop` and cancels this start.
  const token = ++loop;
  if (!(run && steps && key === runOptions)) {
    await backendReady;
    const [train, test] = await Promise.all([loadSplit('train'), loadSplit('t10k')]);
    if (token !== loop) return;
    post({ type: 'status', key: 'status.building' });
    run = startRun(options, { train, test });
    steps = trainSteps(run);
    runOptions = key;
    network = run.network;
    source = { kind: 'trained' };
    speed = new SpeedMeter();
    post({ type: 'model', info: networkSummary(network, source) });
  }
  const c = run.network.config;
  const layers = [c.inputSize, ...c.hiddenSizes, c.outputSize].join('-');
  post({
    type: 'status',
    key: 'status.training',
    params: { layers, backend: await backendReady },
  });
  running = true;
  while (running && token === loop) {
    slice();
    // Let queued messages (pause, predict) run between slices.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Runs trainSteps for about SLICE_MS and reports the iterations done. */
function slice(): void {
  if (!steps || !run) return;
  const t0 = performance.now();
  const losses: number[] = [];
  let stepMs = 0;
  const flush = (): void => {
    if (losses.length === 0) return;
    speed.add(losses.length, stepMs);
    post({
      type: 'progress',
      iteration: run!.iteration,
      totalIterations: run!.totalIterations,
      losses: losses.splice(0),
      itPerSec: speed.recent(),
    });
    stepMs = 0;
  };
  while (performance.now() - t0 < SLICE_MS) {
    const ts = performance.now();
    const next = steps.next();
    const dt = performance.now() - ts;
    if (next.done) {
      running = false;
      break;
    }
    const event = next.value;
    if (event.type === 'step') {
      losses.push(event.loss);
      stepMs += dt;
    } else if (event.type === 'epoch') {
      flush();
      post({ type: 'epoch', record: event });
      report();
    } else {
      flush();
      running = false;
      steps = null;
      post({
        type: 'end',
        final: event.final,
        itPerSec: speed.average(),
      });
      report();
      return;
    }
  }
  flush();
}

/** Sends the test-set report of the current network (the test set is loaded by then). */
function report(): void {
  if (!network || !data.test) return;
  const net = network;
  void data.test.then((test) => {
    if (network !== net) return;
    const r = testReport(net, test);
    post({ type: 'report', report: r }, [
      r.confusion.buffer,
      ...r.misclassified.map((m) => m.pixels.buffer),
      ...r.weights.map((w) => w.buffer),
    ]);
  });
}

function pause(): void {
  running = false;
  loop++;
  post({ type: 'paused', iteration: run?.iteration ?? 0 });
}

function forget(): void {
  running = false;
  loop++;
  run = null;
  steps = null;
  runOptions = '';
}

/** Class probabilities for one 28×28 image: softmax of the network's scores. */
function predict(pixels: Uint8Array): number[] {
  if (!network)
    throw new Error('No model yet: train one on the Train tab, or load a .safetensors file.');
  const x = fromArray(
    Array.from(pixels, (v) => v / 255),
    [1, pixels.length],
    { dtype: network.config.dtype },
  );
  return Array.from(softmaxRows(network.predict(x, false)).data);
}

async function sample(seed: number): Promise<{ pixels: Uint8Array; label: number }> {
  const test = await loadSplit('t10k');
  const i = createRng(seed).int(test.count);
  const size = test.rows * test.cols;
  return { pixels: test.images.slice(i * size, (i + 1) * size), label: test.labels[i]! };
}

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.type) {
    case 'start':
      return start(request.options);
    case 'pause':
      return pause();
    case 'reset':
      forget();
      network = null;
      post({ type: 'model', info: null });
      post({ type: 'reset' });
      return;
    case 'predict':
      return post({ type: 'prediction', id: request.id, probabilities: predict(request.pixels) });
    case 'sample': {
      const { pixels, label } = await sample(request.seed);
      return post({ type: 'sample', id: request.id, pixels, label }, [pixels.buffer]);
    }
    case 'export': {
      if (!network) throw new Error('No model to download yet: train one first.');
      const { bytes, name } = exportModel(network);
      return post({ type: 'exported', id: request.id, bytes, name }, [bytes.buffer]);
    }
    case 'import': {
      await backendReady;
      const loaded = importModel(request.bytes, request.name);
      forget();
      network = loaded;
      source = { kind: 'loaded', name: request.name };
      post({ type: 'model', info: networkSummary(network, source) });
      post({ type: 'status', key: 'status.loaded', params: { name: request.name } });
      return post({ type: 'imported', id: request.id });
    }
  }
}

scope.onmessage = (e) => {
  const request = e.data;
  handle(request).catch((error: unknown) => {
    // A run that threw (divergence, bad options) cannot continue; its network stays for Draw.
    if (request.type === 'start') forget();
    const message = error instanceof Error ? error.message : String(error);
    post({ type: 'error', message, ...('id' in request ? { id: request.id } : {}) });
  });
};
