import {
  ACTIVATION_NAMES,
  ACTIVATIONS,
  createRng,
  gradientCheck,
  SGD,
  tensor,
  TwoLayerNet,
  type Activation,
} from 'gradlab';
import { LINE, PLANE, regionsChart, regressionChart } from './backprop-charts.js';
import {
  BP_HEADS,
  DEFAULT_LR,
  HEAD_LABELS,
  HEAD_NOTES,
  makeProblem,
  parseHead,
  type BpHead,
  type Problem,
} from './backprop-heads.js';
import { traceBackprop, type LayerTrace, type TensorPeek } from './backprop-trace.js';
import { ChartSlot } from './chart.js';
import { byId, el, fmt } from './dom.js';
import { t, type MessageKey } from './i18n/i18n.js';
import { readNumber, readParam, writeParams } from './url-state.js';

// A frame trains at most this long, so the page keeps answering input.
const FRAME_MS = 12;

function field(label: MessageKey, input: HTMLElement): HTMLElement {
  return el('label', {}, [el('span', {}, [t(label)]), input]);
}

function markup(panel: HTMLElement): void {
  const activation = el('select', { id: 'bp-activation' });
  for (const name of ACTIVATION_NAMES) activation.add(new Option(ACTIVATIONS[name].label, name));
  const head = el('select', { id: 'bp-head' });
  for (const name of BP_HEADS) head.add(new Option(t(HEAD_LABELS[name]), name));
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
        field('backprop.head', head),
        el('p', { class: 'hint', id: 'bp-head-note' }),
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
 * The Backprop panel (ch05 §5.7): a two-layer net (Affine → activation → Affine → a head's loss)
 * trained by backpropagation, redrawn as it learns, with every layer's cached values and
 * gradients with shapes, and backprop against the numerical gradient per parameter. The head
 * (`bp-head`): categorical (SoftmaxWithLoss on three 2-D blobs, the book's), bernoulli (sigmoid
 * and binary cross-entropy on two blobs) or gaussian-variance (μ and σ² of a 1-D regression).
 */
export function mount(panel: HTMLElement): void {
  markup(panel);
  const num = (id: string): number => Number(byId<HTMLInputElement>(id).value);
  const chart = new ChartSlot(byId('bp-boundary-chart'));
  const trainButton = byId<HTMLButtonElement>('bp-train');
  const status = byId('bp-status');
  const headSelect = byId<HTMLSelectElement>('bp-head');
  headSelect.value = parseHead(readParam('bp-head'));
  byId<HTMLInputElement>('bp-lr').value = String(DEFAULT_LR[headSelect.value as BpHead]);
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

  let problem: Problem;
  let net: TwoLayerNet;
  let optimizer: SGD;
  let iteration = 0;
  let running = false;
  // The loss of the last step: training stops at the first one that is not finite.
  let lastLoss = 0;

  const reset = (): void => {
    running = false;
    const seed = num('bp-seed');
    const name = headSelect.value as BpHead;
    problem = makeProblem(name, seed, num('bp-spread'));
    net = new TwoLayerNet(
      problem.inputSize,
      Math.max(1, Math.round(num('bp-hidden')) || 10),
      problem.outputSize,
      {
        activation: byId<HTMLSelectElement>('bp-activation').value as Activation,
        weightInitStd: 0.5,
        rng: createRng(seed + 1),
        // The book's SoftmaxWithLoss stays the default, so its fast numerical gradient is used.
        ...(name === 'categorical' ? {} : { lastLayer: problem.head.createLoss() }),
      },
    );
    optimizer = new SGD({ learningRate: num('bp-lr') });
    iteration = 0;
    lastLoss = 0;
    panel.dataset.head = name;
    delete panel.dataset.diverged;
    byId('bp-head-note').textContent = t(HEAD_NOTES[name]);
    // The spread is the blobs'; the regression's noise is fixed.
    byId<HTMLInputElement>('bp-spread').disabled = name === 'gaussian-variance';
    writeParams({
      'bp-head': name,
      'bp-h': num('bp-hidden'),
      'bp-act': byId<HTMLSelectElement>('bp-activation').value,
      'bp-lr': num('bp-lr'),
      'bp-iters': num('bp-iters'),
      'bp-spread': num('bp-spread'),
      'bp-seed': seed,
    });
    refresh();
  };

  const diverged = (): boolean => !Number.isFinite(lastLoss);

  const step = (): number => {
    const { loss, grads } = net.gradient(problem.x, problem.t);
    lastLoss = loss;
    // A NaN or infinite loss would spread through every parameter: stop before the update.
    if (!Number.isFinite(loss)) return loss;
    optimizer.update(net.params, grads);
    iteration++;
    return loss;
  };

  const drawChart = (): void => {
    const frame = { iteration, width: chart.fitWidth(150, 380, 200) };
    if (problem.name === 'gaussian-variance') {
      const { spec, samples } = regressionChart(problem, net.predict(LINE), num('bp-seed'), frame);
      panel.dataset.samples = String(samples);
      chart.showLater(() => spec);
    } else {
      delete panel.dataset.samples;
      const spec = regionsChart(problem, net.predict(PLANE), frame);
      chart.showLater(() => spec);
    }
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
    const { x, t: tBatch } = problem.batch(8);
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

  /** The status line and its numbers in the panel's dataset, by head. */
  const describe = (loss: number): { text: string; values: Record<string, string> } => {
    if (diverged()) {
      return {
        text: t('backprop.diverged', { iteration, loss: String(lastLoss) }),
        values: { diverged: 'true' },
      };
    }
    if (problem.name === 'gaussian-variance') {
      const output = net.predict(problem.x);
      const { rmse } = problem.head.metrics(output, problem.t);
      const sigma = Array.from(problem.head.variance!(output).data, Math.sqrt);
      const meanSigma = sigma.reduce((a, b) => a + b, 0) / sigma.length;
      return {
        text: t('backprop.statusRegression', {
          iteration,
          loss: fmt(loss),
          rmse: fmt(rmse!),
          sigma: fmt(meanSigma),
        }),
        values: { rmse: String(rmse), meanSigma: String(meanSigma) },
      };
    }
    const accuracy =
      problem.name === 'bernoulli'
        ? problem.head.metrics(net.predict(problem.x), problem.t).accuracy!
        : net.accuracy(problem.x, problem.t);
    return {
      text: t('backprop.status', { iteration, loss: fmt(loss), accuracy: accuracy.toFixed(3) }),
      values: { accuracy: String(accuracy) },
    };
  };

  const refresh = (): void => {
    const { loss, traces } = traceBackprop(net.layers, net.lastLayer, problem.x, problem.t);
    drawLayers(traces);
    drawCheck();
    drawChart();
    const { text, values } = describe(loss);
    status.textContent = text;
    for (const key of ['accuracy', 'rmse', 'meanSigma']) delete panel.dataset[key];
    Object.assign(panel.dataset, {
      iteration: String(iteration),
      loss: String(loss),
      layers: traces.map((tr) => tr.name).join(','),
      ...values,
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
    while (iteration < target && !diverged() && performance.now() < until) step();
    refresh();
    if (iteration >= target || diverged()) return setRunning(false);
    requestAnimationFrame(frame);
  };

  trainButton.addEventListener('click', () => {
    if (running) return setRunning(false);
    if (iteration >= (Math.round(num('bp-iters')) || 300) || diverged()) reset();
    setRunning(true);
    requestAnimationFrame(frame);
  });
  byId('bp-step').addEventListener('click', () => {
    setRunning(false);
    if (diverged()) reset();
    step();
    refresh();
    panel.dataset.state = 'done';
  });
  byId('bp-reset').addEventListener('click', () => {
    setRunning(false);
    reset();
    panel.dataset.state = 'idle';
  });
  headSelect.addEventListener('change', () => {
    // Each head starts from its own learning rate; the other fields carry over.
    byId<HTMLInputElement>('bp-lr').value = String(DEFAULT_LR[headSelect.value as BpHead]);
  });
  for (const id of [
    'bp-head',
    'bp-hidden',
    'bp-activation',
    'bp-spread',
    'bp-seed',
    'bp-lr',
    'bp-iters',
  ])
    byId(id).addEventListener('change', () => {
      setRunning(false);
      reset();
      panel.dataset.state = 'idle';
    });
  reset();
  panel.dataset.state = 'idle';
}
