import {
  compileExpression,
  functionChart,
  lineChart,
  numericalDiff,
  numericalGradient,
  tensor,
  vectorFieldChart,
  type Arrow,
} from 'gradlab';
import { ChartSlot } from './chart.js';
import { byId, el, fmt } from './dom.js';
import { t, type MessageKey } from './i18n/i18n.js';
import { readParam, writeParams } from './url-state.js';

/** A one-variable function of the numerical-differentiation view, with its exact slope. */
interface Preset {
  readonly id: string;
  readonly label: string;
  readonly expression: string;
  readonly x: number;
  readonly slope: (x: number) => number;
}

const PRESETS: readonly Preset[] = [
  {
    id: 'function1',
    label: 'function_1: 0.01x² + 0.1x',
    expression: '0.01*x^2 + 0.1*x',
    x: 5,
    slope: (x) => 0.02 * x + 0.1,
  },
  { id: 'exp', label: 'eˣ', expression: 'exp(x)', x: 1, slope: Math.exp },
  { id: 'sin', label: 'sin x', expression: 'sin(x)', x: 1, slope: Math.cos },
];

// h = 10^-k for k from 0 to 20 in quarter decades: the log–log error plot.
const H_AXIS = Array.from({ length: 81 }, (_, i) => 10 ** (-i / 4));
const FIELD = Array.from({ length: 19 }, (_, i) => -4.5 + i * 0.5);

function slider(
  id: string,
  label: MessageKey,
  min: number,
  max: number,
  step: number,
  value: number,
) {
  return el('label', {}, [
    el('span', {}, [t(label)]),
    el('span', { class: 'field-stack' }, [
      el('input', { id, type: 'range', min, max, step, value, 'aria-describedby': `${id}-out` }),
      el('output', { id: `${id}-out`, for: id }),
    ]),
  ]);
}

function chartCard(id: string, extra: (Node | string)[] = []): HTMLElement {
  return el('div', { class: 'card' }, [el('div', { class: 'chart', id }), ...extra]);
}

function markup(panel: HTMLElement): void {
  const presetSelect = el('select', { id: 'dv-preset' });
  for (const p of PRESETS) presetSelect.add(new Option(p.label, p.id));
  presetSelect.add(new Option(t('derivatives.custom'), 'custom'));
  const precision = el('select', { id: 'dv-precision' });
  precision.add(new Option('float64', 'float64'));
  precision.add(new Option('float32', 'float32'));
  panel.append(
    el('div', { class: 'layout' }, [
      el('form', { class: 'card controls', id: 'dv-form', onsubmit: 'return false;' }, [
        el('h2', {}, [t('derivatives.title')]),
        el('p', {}, [t('derivatives.intro')]),
        el('label', { class: 'stacked' }, [t('derivatives.function'), presetSelect]),
        el('label', { class: 'stacked' }, [
          t('derivatives.formula'),
          el('input', { id: 'dv-expr', type: 'text', spellcheck: 'false', autocomplete: 'off' }),
        ]),
        el('p', { class: 'status error', id: 'dv-expr-error', role: 'alert' }),
        el('label', {}, [
          t('derivatives.x'),
          el('input', { id: 'dv-x', type: 'number', step: 0.5 }),
        ]),
        slider('dv-h', 'derivatives.h', -50, 0, 0.25, -4),
        el('label', {}, [t('derivatives.precision'), precision]),
        el('table', { class: 'path-table', id: 'dv-table' }, [el('tbody')]),
        el('p', { class: 'hint', id: 'dv-note', 'aria-live': 'polite' }),
        el('h3', {}, [t('derivatives.partialsTitle')]),
        el('label', { class: 'stacked' }, [
          t('derivatives.formula2'),
          el('input', { id: 'dv-expr2', type: 'text', value: 'x0^2 + x1^2', spellcheck: 'false' }),
        ]),
        el('p', { class: 'status error', id: 'dv-expr2-error', role: 'alert' }),
        el('label', {}, ['x0', el('input', { id: 'dv-p0', type: 'number', step: 0.5, value: 3 })]),
        el('label', {}, ['x1', el('input', { id: 'dv-p1', type: 'number', step: 0.5, value: 4 })]),
        el('p', { class: 'status', id: 'dv-grad', 'aria-live': 'polite' }),
      ]),
      el('div', { class: 'charts' }, [
        chartCard('dv-secant-chart'),
        chartCard('dv-error-chart'),
        chartCard('dv-slice0-chart'),
        chartCard('dv-slice1-chart'),
        chartCard('dv-field-chart', [el('p', { class: 'hint' }, [t('derivatives.fieldHint')])]),
      ]),
    ]),
  );
}

/**
 * The Derivatives panel (ch04 §4.2–4.4): forward and central secants against the tangent as h
 * shrinks, the error against h on log–log axes in float64 and float32, partial derivatives as
 * slices through a point, and the gradient field with ∇f at a clicked point.
 */
export function mount(panel: HTMLElement): void {
  markup(panel);
  const preset = byId<HTMLSelectElement>('dv-preset');
  const expr = byId<HTMLInputElement>('dv-expr');
  const xInput = byId<HTMLInputElement>('dv-x');
  const hInput = byId<HTMLInputElement>('dv-h');
  const precision = byId<HTMLSelectElement>('dv-precision');
  const secant = new ChartSlot(byId('dv-secant-chart'));
  const errors = new ChartSlot(byId('dv-error-chart'));
  const slice0 = new ChartSlot(byId('dv-slice0-chart'));
  const slice1 = new ChartSlot(byId('dv-slice1-chart'));
  const field = new ChartSlot(byId('dv-field-chart'));
  let f: (x: number) => number = (x) => 0.01 * x * x + 0.1 * x;
  let exactSlope: ((x: number) => number) | null = PRESETS[0]!.slope;

  const compile1 = (): boolean => {
    try {
      const g = compileExpression(expr.value, ['x']);
      f = (x) => g([x]);
      byId('dv-expr-error').textContent = '';
      return true;
    } catch (error) {
      byId('dv-expr-error').textContent = error instanceof Error ? error.message : String(error);
      return false;
    }
  };

  const drawOne = (): void => {
    if (!compile1()) return;
    const x = Number(xInput.value) || 0;
    const h = 10 ** Number(hInput.value);
    const float32 = precision.value === 'float32';
    byId('dv-h-out').textContent = `h = ${fmt(h)}`;
    const forward = numericalDiff(f, x, { h, method: 'forward', float32 });
    const central = numericalDiff(f, x, { h, float32 });
    // Without an exact slope, the reference is the float64 central difference at h = 1e-5.
    const reference = exactSlope ? exactSlope(x) : numericalDiff(f, x, { h: 1e-5 });
    const rows: [MessageKey, number, number | null][] = [
      ['derivatives.forward', forward, Math.abs(forward - reference)],
      ['derivatives.central', central, Math.abs(central - reference)],
      [exactSlope ? 'derivatives.exact' : 'derivatives.reference', reference, null],
    ];
    byId<HTMLTableElement>('dv-table').tBodies[0]!.replaceChildren(
      el('tr', {}, [
        el('th', {}, ['']),
        el('th', {}, ['f′(x)']),
        el('th', {}, [t('derivatives.error')]),
      ]),
      ...rows.map(([key, v, e]) =>
        el('tr', {}, [
          el('td', {}, [t(key)]),
          el('td', {}, [String(v)]),
          el('td', {}, [e === null ? '' : fmt(e)]),
        ]),
      ),
    );
    byId('dv-note').textContent =
      x + h === x
        ? t('derivatives.vanished')
        : h < 1e-7 && float32
          ? t('derivatives.float32Wall')
          : '';
    writeParams({
      'dv-fn': preset.value,
      'dv-x': x,
      'dv-h': hInput.value,
      'dv-prec': precision.value,
      ...(preset.value === 'custom' ? { 'dv-expr': expr.value } : {}),
    });
    Object.assign(panel.dataset, {
      h: String(h),
      forward: String(forward),
      central: String(central),
    });

    const span = Math.max(2, Math.abs(x) * 0.6);
    const width = secant.fitWidth(150, 460, 200);
    // Secants pass through (x, f(x)) with the estimated slope; a large h shows them tilt away.
    secant.showLater(() =>
      functionChart(f, {
        title: t('derivatives.secantTitle'),
        xLabel: 'x',
        yLabel: 'f(x)',
        xDomain: [x - span, x + span],
        samples: 121,
        name: 'f(x)',
        tangents: [
          { at: x, slope: reference, name: t('derivatives.tangent') },
          { at: x, slope: forward, name: t('derivatives.forward') },
          { at: x, slope: central, name: t('derivatives.central') },
        ],
        width,
        height: 240,
      }),
    );
    const error = (method: 'forward' | 'central', single: boolean) =>
      H_AXIS.map((step) =>
        Math.abs(numericalDiff(f, x, { h: step, method, float32: single }) - reference),
      );
    const series = [
      { name: 'central, float64', x: H_AXIS, y: error('central', false), points: true },
      { name: 'forward, float64', x: H_AXIS, y: error('forward', false), points: true },
      { name: 'central, float32', x: H_AXIS, y: error('central', true), strokeDash: [6, 4] },
      { name: 'forward, float32', x: H_AXIS, y: error('forward', true), strokeDash: [6, 4] },
      { name: `h = ${fmt(h)}`, x: [h, h], y: [1e-17, 10], color: '#444444' },
    ];
    errors.showLater(() =>
      lineChart(series, {
        title: t('derivatives.errorTitle'),
        xLabel: t('derivatives.hLog'),
        yLabel: t('derivatives.errorLog'),
        xScale: 'log',
        yScale: 'log',
        yDomain: [1e-17, 10],
        legend: 'bottom-left',
        width: errors.fitWidth(90, 460, 200),
        height: 240,
      }),
    );
  };

  let f2: (values: ArrayLike<number>) => number = (v) => v[0]! ** 2 + v[1]! ** 2;
  const drawTwo = (): void => {
    try {
      f2 = compileExpression(byId<HTMLInputElement>('dv-expr2').value, ['x0', 'x1']);
      byId('dv-expr2-error').textContent = '';
    } catch (error) {
      byId('dv-expr2-error').textContent = error instanceof Error ? error.message : String(error);
      return;
    }
    const p0 = Number(byId<HTMLInputElement>('dv-p0').value) || 0;
    const p1 = Number(byId<HTMLInputElement>('dv-p1').value) || 0;
    const g = numericalGradient((x) => f2(x.data), tensor([p0, p1])).data;
    const [d0, d1] = [g[0]!, g[1]!];
    byId('dv-grad').textContent = t('derivatives.gradAt', {
      x0: fmt(p0),
      x1: fmt(p1),
      d0: fmt(d0),
      d1: fmt(d1),
    });
    writeParams({ 'dv-expr2': byId<HTMLInputElement>('dv-expr2').value, 'dv-p0': p0, 'dv-p1': p1 });
    Object.assign(panel.dataset, {
      d0: String(d0),
      d1: String(d1),
      p0: String(p0),
      p1: String(p1),
    });
    const width = slice0.fitWidth(150, 460, 200);
    const slice = (slot: ChartSlot, axis: 0 | 1, at: number, slope: number) =>
      slot.showLater(() =>
        functionChart((v) => f2(axis === 0 ? [v, p1] : [p0, v]), {
          title: t(axis === 0 ? 'derivatives.slice0' : 'derivatives.slice1', {
            x0: fmt(p0),
            x1: fmt(p1),
          }),
          xLabel: axis === 0 ? 'x0' : 'x1',
          yLabel: 'f',
          xDomain: [at - 4, at + 4],
          samples: 81,
          name: 'f',
          tangents: [
            { at, slope, name: axis === 0 ? `∂f/∂x0 = ${fmt(slope)}` : `∂f/∂x1 = ${fmt(slope)}` },
          ],
          width,
          height: 200,
        }),
      );
    slice(slice0, 0, p0, d0);
    slice(slice1, 1, p1, d1);
    const arrows: Arrow[] = [];
    const at = tensor([0, 0]);
    for (const b of FIELD)
      for (const a of FIELD) {
        at.data[0] = a;
        at.data[1] = b;
        const grad = numericalGradient((x) => f2(x.data), at).data;
        if (Number.isFinite(grad[0]) && Number.isFinite(grad[1]))
          arrows.push({ x: a, y: b, dx: -grad[0]!, dy: -grad[1]! });
      }
    const size = field.fitWidth(110, 400, 200);
    field.showLater(() =>
      vectorFieldChart(arrows, {
        title: t('derivatives.fieldTitle'),
        xLabel: 'x0',
        yLabel: 'x1',
        xDomain: [-5, 5],
        yDomain: [-5, 5],
        width: size,
        height: size,
      }),
    );
  };

  const choosePreset = (): void => {
    const p = PRESETS.find((q) => q.id === preset.value);
    exactSlope = p ? p.slope : null;
    if (p) {
      expr.value = p.expression;
      xInput.value = String(p.x);
    }
    drawOne();
  };
  preset.addEventListener('change', choosePreset);
  expr.addEventListener('input', () => {
    preset.value = 'custom';
    exactSlope = null;
    drawOne();
  });
  for (const input of [xInput, hInput, precision]) input.addEventListener('input', drawOne);
  for (const id of ['dv-expr2', 'dv-p0', 'dv-p1']) byId(id).addEventListener('input', drawTwo);
  byId('dv-field-chart').addEventListener('click', (event) => {
    const point = field.dataPoint(event);
    if (!point) return;
    byId<HTMLInputElement>('dv-p0').value = point[0].toFixed(2);
    byId<HTMLInputElement>('dv-p1').value = point[1].toFixed(2);
    drawTwo();
  });
  // A shared link: its function, point, h and precision over the defaults.
  const fn = readParam('dv-fn');
  if (fn && [...preset.options].some((o) => o.value === fn)) preset.value = fn;
  choosePreset();
  const set = (id: string, param: string): void => {
    const v = readParam(param);
    if (v !== null) byId<HTMLInputElement | HTMLSelectElement>(id).value = v;
  };
  if (fn === 'custom') set('dv-expr', 'dv-expr');
  for (const [id, param] of [
    ['dv-x', 'dv-x'],
    ['dv-h', 'dv-h'],
    ['dv-precision', 'dv-prec'],
    ['dv-expr2', 'dv-expr2'],
    ['dv-p0', 'dv-p0'],
    ['dv-p1', 'dv-p1'],
  ] as const)
    set(id, param);
  drawOne();
  drawTwo();
}
