import {
  ACTIVATION_NAMES,
  ACTIVATIONS,
  OPTIMIZER_NAMES,
  OPTIMIZERS,
  accuracyChart,
  DEFAULT_LEARNING_RATES,
  lossChart,
  type OptimizerName,
  type TrainOptionsInput,
  type Activation,
} from 'gradlab';
import { ChartSlot } from './chart.js';
import { mountCsvCard } from './csv-card.js';
import { byId, fmt } from './dom.js';
import { t } from './i18n/i18n.js';
import { describeModel, downloadModel, importModelFile } from './model-file.js';
import type { WorkerEvent } from './protocol.js';
import { mountRace } from './race-card.js';
import { clearReport, showReport, type ReportSlots } from './train-views.js';
import { readParam, writeParams } from './url-state.js';
import { workerClient } from './worker-client.js';

// Re-rendering a 2000-point chart costs tens of milliseconds; twice a second looks live enough.
const CHART_INTERVAL_MS = 500;

type State = 'idle' | 'running' | 'paused' | 'done';

/** One evaluation: accuracies and the mean losses on the whole training and test sets. */
interface Epoch {
  readonly epoch: number;
  readonly iteration: number;
  readonly train: number;
  readonly test: number;
  readonly trainLoss: number;
  readonly testLoss: number;
}

/** The Train panel: options form, start / pause / reset, live loss and accuracy charts. */
export function mount(panel: HTMLElement): void {
  const client = workerClient();
  const lossSlot = new ChartSlot(byId('tr-loss-chart'));
  const accSlot = new ChartSlot(byId('tr-acc-chart'));
  const status = byId('tr-status');
  const startButton = byId<HTMLButtonElement>('tr-start');
  const num = (id: string): number => Number(byId<HTMLInputElement>(id).value);
  const reportSlots: ReportSlots = {
    confusion: byId('tr-confusion'),
    misclassified: byId('tr-misclassified'),
    weights: byId('tr-weights'),
  };
  clearReport(reportSlots);
  mountRace(byId('tr-race'));
  let state: State = 'idle';
  let losses: number[] = [];
  let epochs: Epoch[] = [];
  let lastChart = 0;

  const setState = (next: State): void => {
    state = next;
    panel.dataset.state = next;
    startButton.textContent = t(
      next === 'running' ? 'train.pause' : next === 'paused' ? 'train.resume' : 'train.start',
    );
    for (const el of panel.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
      '#train-form input, #train-form select',
    )) {
      if (el.type !== 'file') el.disabled = next === 'running' || next === 'paused';
    }
  };

  // The activations come from the library's table; the form's fields from a shared link.
  const activation = byId<HTMLSelectElement>('tr-activation');
  activation.replaceChildren(
    ...ACTIVATION_NAMES.map((name) => new Option(ACTIVATIONS[name].label, name)),
  );
  byId('tr-optimizer').replaceChildren(
    ...OPTIMIZER_NAMES.map((name) => new Option(OPTIMIZERS[name].label, name)),
  );
  const FIELDS = [
    'tr-hidden',
    'tr-activation',
    'tr-optimizer',
    'tr-lr',
    'tr-batch',
    'tr-iters',
    'tr-size',
    'tr-decay',
    'tr-dropout',
    'tr-val',
    'tr-seed',
  ];
  for (const id of FIELDS) {
    const value = readParam(id);
    const input = byId<HTMLInputElement | HTMLSelectElement>(id);
    if (value === null) continue;
    if (input instanceof HTMLSelectElement && ![...input.options].some((o) => o.value === value))
      continue;
    input.value = value;
  }
  byId('train-form').addEventListener('change', () =>
    writeParams(Object.fromEntries(FIELDS.map((id) => [id, byId<HTMLInputElement>(id).value]))),
  );

  const readOptions = (): TrainOptionsInput => {
    const hiddenSizes = byId<HTMLInputElement>('tr-hidden')
      .value.split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    const weightDecay = num('tr-decay');
    const dropout = num('tr-dropout');
    // TwoLayerNet is the book's ch. 4-5 model; weight decay and dropout live in MultiLayerNet.
    const simple = hiddenSizes.length === 1 && weightDecay === 0 && dropout === 0;
    return {
      model: simple ? 'two-layer' : 'multi-layer',
      hiddenSizes,
      activation: activation.value as Activation,
      optimizer: byId<HTMLSelectElement>('tr-optimizer').value as OptimizerName,
      learningRate: num('tr-lr'),
      batchSize: num('tr-batch'),
      iterations: num('tr-iters'),
      trainSize: num('tr-size') >= 60000 ? null : num('tr-size'),
      weightDecay,
      dropout,
      // Held out of the training samples before training, for choosing settings (ch06 §6.5.1).
      validation: num('tr-val'),
      seed: num('tr-seed'),
    };
  };

  const drawCharts = (force: boolean): void => {
    const now = performance.now();
    if (!force && now - lastChart < CHART_INTERVAL_MS) return;
    lastChart = now;
    const width = lossSlot.fitWidth(90, 520, 200);
    // The render runs later, while progress events keep pushing to `losses` and `epochs`:
    // build every series now, from copies taken at the same moment.
    if (losses.length > 0) {
      const ys = losses.slice();
      const xs = ys.map((_, i) => i + 1);
      // The test loss beside the training loss: their gap is over-fitting.
      const measured = epochs.filter((e) => Number.isFinite(e.testLoss) && e.iteration > 0);
      const evaluations =
        measured.length > 0
          ? {
              iteration: measured.map((e) => e.iteration),
              train: measured.map((e) => e.trainLoss),
              test: measured.map((e) => e.testLoss),
            }
          : undefined;
      lossSlot.showLater(() => lossChart(xs, ys, { width, height: 240, evaluations }));
    }
    if (epochs.length > 0) {
      const epochXs = epochs.map((e) => e.epoch);
      const train = epochs.map((e) => e.train);
      const test = epochs.map((e) => e.test);
      const accWidth = accSlot.fitWidth(90, 520, 200);
      accSlot.showLater(() =>
        accuracyChart(epochXs, train, test, { width: accWidth, height: 240 }),
      );
    }
  };

  const onEvent = (event: WorkerEvent): void => {
    switch (event.type) {
      case 'status':
        status.textContent = t(event.key, event.params);
        status.classList.remove('error');
        break;
      case 'progress':
        losses.push(...event.losses);
        byId('st-iter').textContent = `${event.iteration} / ${event.totalIterations}`;
        byId('st-loss').textContent = fmt(event.losses.at(-1) ?? NaN);
        byId('st-speed').textContent = event.itPerSec.toFixed(0);
        // Samples per second: iterations per second × the batch (bigger batches use the kernels better).
        byId('st-samples').textContent = (event.itPerSec * num('tr-batch')).toFixed(0);
        panel.dataset.iteration = String(event.iteration);
        panel.dataset.itPerSec = event.itPerSec.toFixed(1);
        drawCharts(false);
        break;
      case 'epoch':
        epochs.push({
          epoch: event.record.epoch,
          iteration: event.record.iteration,
          train: event.record.trainAccuracy ?? NaN,
          test: event.record.testAccuracy ?? NaN,
          trainLoss: event.record.trainLoss ?? NaN,
          testLoss: event.record.testLoss ?? NaN,
        });
        panel.dataset.testLoss = String(event.record.testLoss);
        byId('st-epoch').textContent = String(event.record.epoch);
        byId('st-train').textContent = (event.record.trainAccuracy ?? NaN).toFixed(4);
        byId('st-test').textContent = (event.record.testAccuracy ?? NaN).toFixed(4);
        byId('st-val').textContent =
          event.record.validationAccuracy === null
            ? '–'
            : event.record.validationAccuracy.toFixed(4);
        panel.dataset.validationAccuracy = String(event.record.validationAccuracy);
        drawCharts(true);
        break;
      case 'end':
        byId('st-train').textContent = (event.final.trainAccuracy ?? NaN).toFixed(4);
        byId('st-test').textContent = (event.final.testAccuracy ?? NaN).toFixed(4);
        byId('st-speed').textContent = event.itPerSec.toFixed(0);
        Object.assign(panel.dataset, {
          testAccuracy: String(event.final.testAccuracy),
          trainAccuracy: String(event.final.trainAccuracy),
          itPerSec: event.itPerSec.toFixed(1),
        });
        status.textContent = t('train.done', {
          accuracy: (event.final.testAccuracy ?? NaN).toFixed(4),
          speed: event.itPerSec.toFixed(0),
        });
        setState('done');
        drawCharts(true);
        break;
      case 'report':
        showReport(event.report, reportSlots);
        panel.dataset.reportCount = String(event.report.count);
        break;
      case 'paused':
        status.textContent = t('train.paused', { iteration: event.iteration });
        setState('paused');
        drawCharts(true);
        break;
      case 'reset':
        setState('idle');
        break;
      case 'model':
        byId<HTMLButtonElement>('tr-download').disabled = event.info === null;
        if (event.info && state !== 'running')
          status.textContent = t('train.model', { model: describeModel(event.info) });
        break;
      case 'error':
        status.textContent = event.message;
        status.classList.add('error');
        if (state === 'running') setState('idle');
        break;
    }
  };
  client.on(onEvent);

  /** Empties every measured stat (all but the iteration count). */
  const clearStats = (): void => {
    const stats = [
      'st-epoch',
      'st-loss',
      'st-train',
      'st-test',
      'st-val',
      'st-speed',
      'st-samples',
    ];
    for (const id of stats) byId(id).textContent = '–';
  };

  startButton.addEventListener('click', () => {
    if (state === 'running') return client.send({ type: 'pause' });
    if (state === 'idle' || state === 'done') {
      losses = [];
      epochs = [];
      clearStats();
      delete panel.dataset.testAccuracy;
    }
    client.send({ type: 'start', options: readOptions() });
    setState('running');
  });
  byId('tr-reset').addEventListener('click', () => {
    client.send({ type: 'reset' });
    losses = [];
    epochs = [];
    status.textContent = t('train.resetDone');
    status.classList.remove('error');
    byId('st-iter').textContent = '0';
    clearStats();
    lossSlot.clear();
    accSlot.clear();
    clearReport(reportSlots);
    delete panel.dataset.reportCount;
    setState('idle');
  });
  byId<HTMLSelectElement>('tr-optimizer').addEventListener('change', (e) => {
    byId<HTMLInputElement>('tr-lr').value = String(
      DEFAULT_LEARNING_RATES[(e.target as HTMLSelectElement).value as OptimizerName],
    );
  });
  byId('tr-download').addEventListener('click', async () => {
    status.textContent = await downloadModel(client);
  });
  byId<HTMLInputElement>('tr-load').addEventListener('change', async (e) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) status.textContent = await importModelFile(client, file);
  });
  setState('idle');
  mountCsvCard();
}
