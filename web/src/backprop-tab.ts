import {
  ACTIVATION_NAMES,
  ACTIVATIONS,
  argmaxRows,
  createRng,
  gaussianBlobs,
  gradientCheck,
  scatterChart,
  SGD,
  tensor,
  TwoLayerNet,
  type Activation,
  type ScatterSeries,
  type SyntheticSet,
} from 'gradlab';
import { traceBackprop, type LayerTrace, type TensorPeek } from './backprop-trace.js';
import { ChartSlot } from './chart.js';
import { byId, el, fmt } from './dom.js';
import { t, type MessageKey } from './i18n/i18n.js';
import { readNumber, readParam, writeParams } from './url-state.js';

const CLASSES = 3;
const GRID = 36;
const EXTENT = 4;
// A frame trains at most this long, so the page keeps answering input.
const FRAME_MS = 12;
const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c'];
const REGION_COLORS = ['#c6dbef', '#fdd0a2', '#c7e9c0'];

function field(label: MessageKey, input: HTMLElement): HTMLElement {
  return el('label', {}, [el('span', {}, [t(label)]), input]);
}

function markup(panel: HTMLElement): void {
  const activation = el('select', { id: 'bp-activation' });
  for (const name of ACTIVATION_NAMES) activation.add(new Option(ACTIVATIONS[name].label, name));
  panel.append(
    el('div', { class: 'layout' }, [
      el('form', { class: 'card controls', id: 'bp-form', onsubmit: 'return false;' }, [
        el('h2', {}, [t('backprop.title')]),
        el('p', {}, [t('backprop.intro')]),
        el('div', { class: 'buttons' }, [
          el('button', { type: 'button', class: 'action primary', id: 'bp-train' }, [
            t('backprop.train'),
          ]),
          el('button', { type: 'button', class: 'action', id: 'bp-step' }, [t('backprop.step')]),
          el('button', { type: 'button', class: 'action', id: 'bp-reset' }, [t('backprop.reset')]),
        ]),
        field(
          'backprop.hidden',
          el('input', { id: 'bp-hidden', type: 'number', min: 1, max: 64, value: 10 }),
        ),
        field('backprop.activation', activation),
        field(
          'backprop.lr',
          el('input', { id: 'bp-lr', type: 'number', min: 0, step: 'any', value: 0.5 }),
        ),
        field(
          'backprop.iters',
          el('input', { id: 'bp-iters', type: 'number', min: 1, value: 300 }),
        ),
        field(
          'backprop.spread',
          el('input', { id: 'bp-spread', type: 'number', min: 0.1, max: 3, step: 0.1, value: 0.8 }),
        ),
        field('backprop.seed', el('input', { id: 'bp-seed', type: 'number', step: 1, value: 0 })),
        el('p', { class: 'status', id: 'bp-status', role: 'status', 'aria-live': 'polite' }),
      ]),
      el('div', { class: 'stack' }, [
        el('div', { class: 'charts' }, [
          el('div', { class: 'card' }, [el('div', { class: 'chart', id: 'bp-boundary-chart' })]),
          el('div', { class: 'card' }, [
            el('h3', {}, [t('backprop.checkTitle')]),
            el('p', { class: 'hint' }, [t('backprop.checkHint')]),
            el('div', { class: 'table-scroll' }, [
              el('table', { class: 'path-table', id: 'bp-check' }),
            ]),
          ]),
        ]),
        el('div', { class: 'card' }, [
          el('h3', {}, [t('backprop.layersTitle')]),
          el('p', { class: 'hint' }, [t('backprop.layersHint')]),
          el('div', { class: 'table-scroll' }, [
            el('table', { class: 'path-table layer-table', id: 'bp-layers' }),
          ]),
        ]),
      ]),
    ]),
  );
}

const show = (p: TensorPeek): string =>
  p.head.length === 0
    ? p.shape
    : `${p.shape} [${p.head.map(fmt).join(', ')}${p.head.length >= 3 ? ', …' : ''}]`;

function row(cells: readonly string[], header = false): HTMLTableRowElement {
  return el(
    'tr',
    {},
    cells.map((c) => el(header ? 'th' : 'td', {}, [c])),
  );
}

/**
 * The Backprop panel (ch05 §5.7): a two-layer net (Affine → activation → Affine →
 * SoftmaxWithLoss) trained on three 2-D Gaussian blobs, with the decision regions redrawn as it
 * learns, every layer's cached values and gradients with shapes, and backprop against the
 * numerical gradient per parameter.
 */
export function mount(panel: HTMLElement): void {
  markup(panel);
  const num = (id: string): number => Number(byId<HTMLInputElement>(id).value);
  const chart = new ChartSlot(byId('bp-boundary-chart'));
  const trainButton = byId<HTMLButtonElement>('bp-train');
  const status = byId('bp-status');
  for (const [id, param] of [
    ['bp-hidden', 'bp-h'],
    ['bp-lr', 'bp-lr'],
    ['bp-iters', 'bp-iters'],
    ['bp-spread', 'bp-spread'],
    ['bp-seed', 'bp-seed'],
  ] as const)
    byId<HTMLInputElement>(id).value = String(readNumber(param, num(id)));
  const act = readParam('bp-act');
  if (act && (ACTIVATION_NAMES as readonly string[]).includes(act))
    byId<HTMLSelectElement>('bp-activation').value = act;

  let data: SyntheticSet;
  let net: TwoLayerNet;
  let optimizer: SGD;
  let iteration = 0;
  let running = false;
  const grid = tensor(
    Array.from({ length: GRID * GRID }, (_, k) => [
      -EXTENT + (2 * EXTENT * (k % GRID)) / (GRID - 1),
      -EXTENT + (2 * EXTENT * Math.floor(k / GRID)) / (GRID - 1),
    ]),
  );

  const reset = (): void => {
    running = false;
    const seed = num('bp-seed');
    data = gaussianBlobs({
      classes: CLASSES,
      perClass: 60,
      spread: num('bp-spread'),
      rng: createRng(seed),
    });
    net = new TwoLayerNet(2, Math.max(1, Math.round(num('bp-hidden')) || 10), CLASSES, {
      activation: byId<HTMLSelectElement>('bp-activation').value as Activation,
      weightInitStd: 0.5,
      rng: createRng(seed + 1),
    });
    optimizer = new SGD({ learningRate: num('bp-lr') });
    iteration = 0;
    writeParams({
      'bp-h': num('bp-hidden'),
      'bp-act': byId<HTMLSelectElement>('bp-activation').value,
      'bp-lr': num('bp-lr'),
      'bp-iters': num('bp-iters'),
      'bp-spread': num('bp-spread'),
      'bp-seed': seed,
    });
    refresh();
  };

  const step = (): number => {
    const { loss, grads } = net.gradient(data.x, data.t);
    optimizer.update(net.params, grads);
    iteration++;
    return loss;
  };

  const drawBoundary = (): void => {
    const region = argmaxRows(net.predict(grid));
    const series: ScatterSeries[] = [];
    for (let c = 0; c < CLASSES; c++) {
      const cells = Array.from(region.keys()).filter((k) => region[k] === c);
      series.push({
        name: t('backprop.region', { c }),
        x: cells.map((k) => grid.data[2 * k]!),
        y: cells.map((k) => grid.data[2 * k + 1]!),
        color: REGION_COLORS[c],
        size: 110,
      });
    }
    for (let c = 0; c < CLASSES; c++) {
      const rows = Array.from(data.t.keys()).filter((n) => data.t[n] === c);
      series.push({
        name: t('backprop.class', { c }),
        x: rows.map((n) => data.x.data[2 * n]!),
        y: rows.map((n) => data.x.data[2 * n + 1]!),
        color: COLORS[c],
        size: 30,
      });
    }
    const width = chart.fitWidth(150, 380, 200);
    chart.showLater(() =>
      scatterChart(series, {
        title: t('backprop.boundaryTitle', { iteration }),
        xLabel: 'x0',
        yLabel: 'x1',
        xDomain: [-EXTENT, EXTENT],
        yDomain: [-EXTENT, EXTENT],
        width,
        height: width,
      }),
    );
  };

  const drawLayers = (traces: readonly LayerTrace[]): void => {
    byId('bp-layers').replaceChildren(
      row(
        [
          '',
          t('backprop.cached'),
          t('backprop.forwardOut'),
          t('backprop.doutIn'),
          t('backprop.doutOut'),
          t('backprop.paramGrads'),
        ],
        true,
      ),
      ...traces.map((tr) =>
        row([
          tr.name,
          Object.entries(tr.cached)
            .map(([k, v]) => `${k} ${show(v)}`)
            .join('; '),
          show(tr.output),
          show(tr.doutIn),
          show(tr.doutOut),
          Object.entries(tr.grads)
            .map(([k, v]) => `${k} ${show(v)}`)
            .join('; '),
        ]),
      ),
    );
  };

  const drawCheck = (): void => {
    // A few rows keep the numerical gradient (2 losses per parameter) cheap.
    const x = tensor(
      Array.from({ length: 8 }, (_, n) => [data.x.data[2 * n]!, data.x.data[2 * n + 1]!]),
    );
    const tBatch = data.t.slice(0, 8);
    const { grads } = net.gradient(x, tBatch);
    const copies = Object.fromEntries(
      Object.entries(grads).map(([k, g]) => [k, tensor(Array.from(g.data)).reshape([...g.shape])]),
    );
    const report = gradientCheck(copies, net.numericalGradient(x, tBatch));
    let worst = 0;
    byId('bp-check').replaceChildren(
      row(
        [t('backprop.param'), t('backprop.shape'), 'mean |Δ|', 'max |Δ|', t('backprop.maxRel')],
        true,
      ),
      ...Object.entries(report).map(([key, r]) => {
        worst = Math.max(worst, r.maxRel);
        return row([
          key,
          `(${copies[key]!.shape.join(', ')})`,
          fmt(r.meanAbs),
          fmt(r.maxAbs),
          fmt(r.maxRel),
        ]);
      }),
    );
    panel.dataset.checkMaxRel = String(worst);
  };

  const refresh = (): void => {
    const { loss, traces } = traceBackprop(net.layers, net.lastLayer, data.x, data.t);
    const accuracy = net.accuracy(data.x, data.t);
    drawLayers(traces);
    drawCheck();
    drawBoundary();
    status.textContent = t('backprop.status', {
      iteration,
      loss: fmt(loss),
      accuracy: accuracy.toFixed(3),
    });
    Object.assign(panel.dataset, {
      iteration: String(iteration),
      loss: String(loss),
      accuracy: String(accuracy),
      layers: traces.map((tr) => tr.name).join(','),
    });
  };

  const setRunning = (on: boolean): void => {
    running = on;
    panel.dataset.state = on ? 'running' : iteration > 0 ? 'done' : 'idle';
    trainButton.textContent = t(on ? 'backprop.pause' : 'backprop.train');
  };

  const frame = (): void => {
    if (!running) return;
    const until = performance.now() + FRAME_MS;
    const target = Math.round(num('bp-iters')) || 300;
    while (iteration < target && performance.now() < until) step();
    refresh();
    if (iteration >= target) return setRunning(false);
    requestAnimationFrame(frame);
  };

  trainButton.addEventListener('click', () => {
    if (running) return setRunning(false);
    if (iteration >= (Math.round(num('bp-iters')) || 300)) reset();
    setRunning(true);
    requestAnimationFrame(frame);
  });
  byId('bp-step').addEventListener('click', () => {
    setRunning(false);
    step();
    refresh();
    panel.dataset.state = 'done';
  });
  byId('bp-reset').addEventListener('click', () => {
    setRunning(false);
    reset();
    panel.dataset.state = 'idle';
  });
  for (const id of ['bp-hidden', 'bp-activation', 'bp-spread', 'bp-seed', 'bp-lr', 'bp-iters'])
    byId(id).addEventListener('change', () => {
      setRunning(false);
      reset();
      panel.dataset.state = 'idle';
    });
  reset();
  panel.dataset.state = 'idle';
}
