import { lineChart, type GradientMethod } from 'gradlab';
import { ChartSlot } from './chart.js';
import { byId, el, fmt } from './dom.js';
import { t, type MessageKey } from './i18n/i18n.js';
import type { RaceEvent, RaceRequest, RaceSettings } from './race-protocol.js';
import { readNumber, writeParams } from './url-state.js';

// Redrawing a few thousand points costs tens of milliseconds; three times a second looks live.
const CHART_INTERVAL_MS = 300;
const GAP_STEPS = 20;

/** The card's number fields: id, URL name, default, range, whole numbers or not. */
const FIELDS = [
  {
    id: 'race-inputs',
    param: 'race-d',
    label: 'race.inputs',
    value: 10,
    min: 1,
    max: 100,
    int: true,
  },
  {
    id: 'race-hidden',
    param: 'race-h',
    label: 'race.hidden',
    value: 10,
    min: 1,
    max: 50,
    int: true,
  },
  {
    id: 'race-seconds',
    param: 'race-s',
    label: 'race.seconds',
    value: 2,
    min: 0.5,
    max: 10,
    int: false,
  },
  {
    id: 'race-seed',
    param: 'race-seed',
    label: 'race.seed',
    value: 0,
    min: 0,
    max: 1e6,
    int: true,
  },
] as const satisfies readonly {
  id: string;
  param: string;
  label: MessageKey;
  value: number;
  min: number;
  max: number;
  int: boolean;
}[];

const stat = (label: MessageKey, id: string): HTMLElement =>
  el('div', { class: 'stat' }, [el('dt', {}, [t(label)]), el('dd', { id }, ['–'])]);

function markup(): HTMLElement {
  return el('div', { class: 'card', id: 'race-card', 'data-state': 'idle' }, [
    el('h2', {}, [t('race.title')]),
    el('p', {}, [t('race.intro')]),
    el(
      'div',
      { class: 'controls race-controls' },
      FIELDS.map((f) =>
        el('label', {}, [
          el('span', {}, [t(f.label)]),
          el('input', {
            id: f.id,
            type: 'number',
            min: f.min,
            max: f.max,
            step: f.int ? 1 : 0.5,
            value: readNumber(f.param, f.value),
          }),
        ]),
      ),
    ),
    el('div', { class: 'buttons' }, [
      el('button', { type: 'button', class: 'action primary', id: 'race-start' }, [
        t('race.start'),
      ]),
    ]),
    el('dl', { class: 'stats' }, [
      stat('race.numericalSteps', 'race-num-steps'),
      stat('race.backpropSteps', 'race-bp-steps'),
      stat('race.numericalMs', 'race-num-ms'),
      stat('race.backpropMs', 'race-bp-ms'),
      stat('race.ratio', 'race-ratio'),
    ]),
    el('p', { class: 'status', id: 'race-status', role: 'status', 'aria-live': 'polite' }, [
      t('race.idle'),
    ]),
    el('div', { class: 'chart', id: 'race-chart' }, [
      el('p', { class: 'placeholder' }, [t('race.placeholder')]),
    ]),
  ]);
}

/** The settings in the fields, each clamped to its range (whole numbers where it must be). */
function settings(): RaceSettings {
  const [inputSize, hiddenSize, seconds, seed] = FIELDS.map((f) => {
    const input = byId<HTMLInputElement>(f.id);
    const raw = Number(input.value);
    const v = Number.isFinite(raw) ? Math.min(f.max, Math.max(f.min, raw)) : f.value;
    const value = f.int ? Math.round(v) : v;
    input.value = String(value);
    return value;
  }) as [number, number, number, number];
  return { inputSize, hiddenSize, seconds, seed };
}

/**
 * The Train tab's race (ch04 → ch05): two copies of one small net, trained with the numerical
 * gradient and with backprop for the same compute time in a worker (the library's
 * GradientRace), with each lane's steps and ms per step, the measured speed ratio, and both
 * loss curves against compute time.
 */
export function mountRace(container: HTMLElement): void {
  const card = markup();
  container.append(card);
  const chart = new ChartSlot(byId('race-chart'));
  const button = byId<HTMLButtonElement>('race-start');
  const status = byId('race-status');
  let worker: Worker | null = null;
  let curves: Record<GradientMethod, { losses: number[]; times: number[] }>;
  let lastChart = 0;
  let parameters = 0;

  const draw = (): void => {
    lastChart = performance.now();
    const series = (['numerical', 'backprop'] as const).map((m) => ({
      name: t(m === 'numerical' ? 'race.numerical' : 'race.backprop'),
      x: curves[m].times.map((ms) => ms / 1000),
      y: curves[m].losses.slice(),
      points: m === 'numerical' && curves.numerical.losses.length <= 100,
    }));
    const width = chart.fitWidth(190, 520);
    chart.showLater(() =>
      lineChart(series, {
        title: t('race.chartTitle'),
        xLabel: t('race.chartX'),
        yLabel: t('race.chartY'),
        yScale: 'log',
        strokeWidth: 1.5,
        width,
        height: 220,
      }),
    );
  };

  const stop = (): void => {
    worker?.postMessage({ type: 'stop' } satisfies RaceRequest);
    card.dataset.state = 'done';
    button.textContent = t('race.start');
    status.textContent = t('race.stopped');
  };

  const receive = (event: RaceEvent): void => {
    // A slice posted before a stop arrives after it: the stopped race keeps what it showed.
    if (card.dataset.state !== 'running') return;
    if (event.type === 'error') {
      card.dataset.state = 'error';
      status.textContent = t('race.error', { message: event.message });
      button.textContent = t('race.start');
      return;
    }
    if (event.type === 'started') {
      parameters = event.parameterCount;
      card.dataset.parameters = String(parameters);
      status.textContent = t('race.running', { parameters, samples: event.samples });
      return;
    }
    for (const lane of event.lanes) {
      curves[lane.method].losses.push(...lane.losses);
      curves[lane.method].times.push(...lane.times);
      const steps = lane.method === 'numerical' ? 'race-num-steps' : 'race-bp-steps';
      const ms = lane.method === 'numerical' ? 'race-num-ms' : 'race-bp-ms';
      byId(steps).textContent = String(lane.iteration);
      byId(ms).textContent = lane.iteration > 0 ? fmt(lane.elapsedMs / lane.iteration) : '–';
      card.dataset[lane.method === 'numerical' ? 'numericalSteps' : 'backpropSteps'] = String(
        lane.iteration,
      );
    }
    if (Number.isFinite(event.ratio)) {
      byId('race-ratio').textContent = `${fmt(event.ratio)}×`;
      card.dataset.ratio = String(event.ratio);
    }
    const n = curves.numerical;
    const b = curves.backprop;
    // The same math: at each step both lanes stand at the same loss.
    let gap = 0;
    for (let k = 0; k < Math.min(n.losses.length, b.losses.length); k++) {
      gap = Math.max(gap, Math.abs(n.losses[k]! - b.losses[k]!));
      // Central differences err by O(h²) and the error compounds, so the gap grows with steps:
      // the first 20 are the same on any machine.
      if (k === GAP_STEPS - 1) card.dataset.lossGap20 = String(gap);
    }
    card.dataset.lossGap = String(gap);
    if (event.done) {
      stop();
      status.textContent = t('race.done', {
        ratio: fmt(event.ratio),
        parameters,
        evaluations: 2 * parameters,
        numerical: n.losses.length,
        backprop: b.losses.length,
        numericalLoss: fmt(n.losses.at(-1) ?? NaN),
        backpropLoss: fmt(b.losses.at(-1) ?? NaN),
        gap: fmt(gap),
      });
      draw();
    } else if (performance.now() - lastChart > CHART_INTERVAL_MS) draw();
  };

  button.addEventListener('click', () => {
    if (card.dataset.state === 'running') return stop();
    const s = settings();
    writeParams({
      'race-d': s.inputSize,
      'race-h': s.hiddenSize,
      'race-s': s.seconds,
      'race-seed': s.seed,
    });
    worker ??= new Worker(new URL('./race-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<RaceEvent>) => receive(e.data);
    worker.onerror = (e) => receive({ type: 'error', message: e.message });
    curves = { numerical: { losses: [], times: [] }, backprop: { losses: [], times: [] } };
    for (const key of ['ratio', 'numericalSteps', 'backpropSteps', 'lossGap', 'lossGap20'])
      delete card.dataset[key];
    for (const id of ['race-num-steps', 'race-bp-steps', 'race-num-ms', 'race-bp-ms', 'race-ratio'])
      byId(id).textContent = '–';
    card.dataset.state = 'running';
    button.textContent = t('race.stop');
    status.textContent = t('race.starting');
    worker.postMessage({ type: 'start', settings: s } satisfies RaceRequest);
  });
}
