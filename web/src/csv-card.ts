import { lineChart, scatterChart, type HeadName } from 'gradlab';
import { ChartSlot } from './chart.js';
import type { CsvEvent, CsvRequest, CsvResult } from './csv-protocol.js';
import { byId, fmt } from './dom.js';
import { t } from './i18n/i18n.js';
import type { MessageKey } from './i18n/i18n.js';
import { readParam, writeParams } from './url-state.js';

/** The metric the status line reports, in order of preference, with its label's key. */
const METRICS: readonly [string, MessageKey][] = [
  ['accuracy', 'csv.metricAccuracy'],
  ['rmse', 'csv.metricRmse'],
  ['deviance', 'csv.metricDeviance'],
  ['nll', 'csv.metricNll'],
];

/** A request before the card numbers it. */
type WithoutId<R> = R extends { id: number } ? Omit<R, 'id'> : never;

type CardState = 'idle' | 'reading' | 'ready' | 'running' | 'done' | 'error';

/** A head's name in the page's language (the select's values stay the library's names). */
const headLabel = (name: HeadName): string => t(`head.${name}`);

/**
 * The Train tab's "Your data (CSV)" card: a file picked here is read and trained on in its own
 * worker (csv-worker.ts) with the library's table reader and training loop; the card draws the
 * loss per epoch and the validation rows' predictions, and shows a TableError's message (line
 * and column) in its status line.
 */
export function mountCsvCard(): void {
  const card = byId('csv-card');
  const status = byId('csv-status');
  const file = byId<HTMLInputElement>('csv-file');
  const target = byId<HTMLSelectElement>('csv-target');
  const head = byId<HTMLSelectElement>('csv-head');
  const hidden = byId<HTMLInputElement>('csv-hidden');
  const epochs = byId<HTMLInputElement>('csv-epochs');
  const button = byId<HTMLButtonElement>('csv-train');
  const lossSlot = new ChartSlot(byId('csv-loss-chart'));
  const fitSlot = new ChartSlot(byId('csv-fit-chart'));
  const worker = new Worker(new URL('./csv-worker.ts', import.meta.url), { type: 'module' });
  let text = '';
  let name = '';
  let lastId = 0;
  let wantedHead = readParam('csv-head');
  let wantedTarget = readParam('csv-target');
  let losses: { epoch: number; train: number; validation: number }[] = [];

  for (const [input, key] of [
    [hidden, 'csv-hidden'],
    [epochs, 'csv-epochs'],
  ] as const) {
    const value = readParam(key);
    if (value !== null && Number.isFinite(Number(value))) input.value = value;
  }

  const setState = (next: CardState, message: string): void => {
    card.dataset.state = next;
    status.textContent = message;
    status.classList.toggle('error', next === 'error');
    const loaded = next === 'ready' || next === 'done';
    target.disabled = !loaded;
    head.disabled = !loaded;
    button.disabled = !loaded;
    file.disabled = next === 'running' || next === 'reading';
  };

  const send = (request: WithoutId<CsvRequest>): void => {
    worker.postMessage({ ...request, id: ++lastId } as CsvRequest);
  };

  const inspect = (column: string | null): void => {
    setState('reading', t('csv.reading', { name }));
    send({ type: 'inspect', name, text, target: column });
  };

  const save = (): void =>
    writeParams({
      'csv-hidden': hidden.value,
      'csv-epochs': epochs.value,
      ...(target.value ? { 'csv-target': target.value } : {}),
      ...(head.value ? { 'csv-head': head.value } : {}),
    });

  const drawLoss = (): void => {
    const rows = losses.slice();
    const width = lossSlot.fitWidth(150, 480, 180);
    lossSlot.showLater(() =>
      lineChart(
        [
          { name: t('csv.trainRows'), x: rows.map((r) => r.epoch), y: rows.map((r) => r.train) },
          {
            name: t('csv.validationRows'),
            x: rows.map((r) => r.epoch),
            y: rows.map((r) => r.validation),
            strokeDash: [6, 4],
          },
        ],
        {
          title: t('csv.lossTitle'),
          xLabel: t('csv.epoch'),
          yLabel: t('csv.loss'),
          width,
          height: 220,
          legend: 'top-right',
        },
      ),
    );
  };

  const drawFit = (r: CsvResult): void => {
    if (r.actual === null || r.predicted === null) {
      fitSlot.clear();
      return;
    }
    const width = fitSlot.fitWidth(150, 480, 180);
    const actual = r.actual;
    const predicted = r.predicted;
    if (r.x !== null && r.feature !== null) {
      const x = r.x;
      const order = x.map((_, i) => i).sort((a, b) => x[a]! - x[b]!);
      fitSlot.showLater(() =>
        scatterChart(
          [
            { name: t('csv.data'), x, y: actual },
            {
              name: t('csv.prediction'),
              x: order.map((i) => x[i]!),
              y: order.map((i) => predicted[i]!),
              mark: 'line',
            },
          ],
          {
            title: t('csv.fitOneTitle', { target: r.target, feature: r.feature! }),
            xLabel: r.feature!,
            yLabel: r.target,
            width,
            height: 220,
            legend: 'top-right',
          },
        ),
      );
      return;
    }
    const lo = Math.min(...actual, ...predicted);
    const hi = Math.max(...actual, ...predicted);
    fitSlot.showLater(() =>
      scatterChart(
        [
          { name: t('csv.validationRows'), x: actual, y: predicted },
          { name: 'y = x', x: [lo, hi], y: [lo, hi], mark: 'line', strokeDash: [6, 4] },
        ],
        {
          title: t('csv.fitTitle'),
          xLabel: t('csv.actual', { target: r.target }),
          yLabel: t('csv.predicted', { target: r.target }),
          width,
          height: 220,
          legend: 'top-right',
        },
      ),
    );
  };

  worker.addEventListener('message', (e: MessageEvent<CsvEvent>) => {
    const event = e.data;
    if (event.id !== lastId) return; // a reply to a request that a newer one replaced
    switch (event.type) {
      case 'inspected': {
        target.replaceChildren(...event.columns.map((c) => new Option(c, c)));
        target.value = event.target;
        const heads: readonly HeadName[] = event.heads;
        head.replaceChildren(...heads.map((h) => new Option(headLabel(h), h)));
        head.value =
          wantedHead !== null && heads.includes(wantedHead as HeadName)
            ? wantedHead
            : event.defaultHead;
        wantedHead = null;
        setState(
          'ready',
          t('csv.ready', {
            rows: event.rows,
            features: event.features,
            head: headLabel(head.value as HeadName),
          }),
        );
        Object.assign(card.dataset, { rows: String(event.rows), head: head.value });
        save();
        break;
      }
      case 'epoch':
        losses.push({
          epoch: event.epoch,
          train: event.trainLoss,
          validation: event.validationLoss,
        });
        card.dataset.epoch = String(event.epoch);
        status.textContent = t('csv.training', { epoch: event.epoch, epochs: event.epochs });
        drawLoss();
        break;
      case 'done': {
        const r = event.result;
        const found = METRICS.find(([m]) => r.metrics[m] !== undefined);
        const [metric, label] = found ?? METRICS[3]!;
        const value = r.metrics[metric] ?? NaN;
        Object.assign(card.dataset, {
          head: r.head,
          rows: String(r.rows),
          metric,
          value: String(value),
        });
        drawFit(r);
        setState(
          'done',
          t('csv.done', {
            rows: r.rows,
            features: r.features,
            head: headLabel(r.head),
            metric: t(label),
            value: fmt(value),
          }),
        );
        break;
      }
      case 'error':
        setState('error', event.message);
        break;
    }
  });
  worker.addEventListener('error', (e) => setState('error', `worker failed: ${e.message}`));

  file.addEventListener('change', async () => {
    const picked = file.files?.[0];
    if (!picked) return;
    name = picked.name;
    lossSlot.clear();
    fitSlot.clear();
    delete card.dataset.value;
    delete card.dataset.metric;
    setState('reading', t('csv.reading', { name }));
    text = await picked.text();
    const column = wantedTarget;
    wantedTarget = null;
    inspect(column);
  });
  target.addEventListener('change', () => inspect(target.value));
  head.addEventListener('change', save);
  hidden.addEventListener('change', save);
  epochs.addEventListener('change', save);
  button.addEventListener('click', () => {
    losses = [];
    lossSlot.clear();
    fitSlot.clear();
    delete card.dataset.value;
    const n = Math.max(1, Math.round(Number(epochs.value) || 1));
    setState('running', t('csv.training', { epoch: 0, epochs: n }));
    send({
      type: 'train',
      name,
      text,
      target: target.value,
      head: head.value as HeadName,
      hidden: Math.max(1, Math.round(Number(hidden.value) || 1)),
      epochs: n,
      seed: 0,
    });
  });
  setState('idle', t('csv.idle'));
}
