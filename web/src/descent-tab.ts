import {
  compileExpression,
  contourChart,
  createRng,
  gradientDescent,
  numericalGradient,
  tensor,
  type Tensor,
} from 'gradlab';
import { ChartSlot } from './chart.js';
import {
  CUSTOM_SURFACE,
  LEARNING_RATE_PRESETS,
  SURFACES,
  type SurfaceFunction,
} from './descent-functions.js';
import { byId, el, fmt } from './dom.js';
import { t } from './i18n/i18n.js';
import { readNumber, readParam, writeParams } from './url-state.js';

const GRID = 41;
// Points beyond this multiple of the domain are dropped from the path: the chart clips them
// anyway, and a diverging path reaches 1e300 within a few dozen steps.
const FAR = 1e6;
// The spread of the gradient noise that stands in for a mini-batch, and its fixed seed.
const NOISE_STD = 0.5;
const NOISE_SEED = 0;

/** η from the slider's log10 value, with two significant digits (0.1, not 0.10000000000000002). */
const lrOf = (log10: number): number => Number((10 ** log10).toPrecision(2));

/**
 * The gradient-descent panel: preset or typed function (the library's parser), contour plot
 * with a clickable start, η on a log slider from 1e-10 to 10 with the book's presets, optional
 * mini-batch noise, and per step the predicted ΔL = −η‖∇f‖² beside the actual ΔL.
 */
export function mount(panel: HTMLElement): void {
  const select = byId<HTMLSelectElement>('gd-function');
  const exprInput = byId<HTMLInputElement>('gd-expr');
  const lrInput = byId<HTMLInputElement>('gd-lr');
  const stepsInput = byId<HTMLInputElement>('gd-steps');
  const x0Input = byId<HTMLInputElement>('gd-x0');
  const x1Input = byId<HTMLInputElement>('gd-x1');
  const stepInput = byId<HTMLInputElement>('gd-step');
  const noiseInput = byId<HTMLInputElement>('gd-noise');
  const chart = new ChartSlot(byId('gd-chart'));
  const table = byId<HTMLTableElement>('gd-table').tBodies[0]!;
  const summary = byId('gd-summary');
  let surface: SurfaceFunction = SURFACES[0]!;
  let f2: (values: ArrayLike<number>) => number = () => 0;
  let axis: number[] = [];
  let z: number[][] = [];
  let path: number[][] = [];
  let timer = 0;

  for (const s of [...SURFACES, CUSTOM_SURFACE]) select.add(new Option(t(s.label), s.id));
  for (const rate of LEARNING_RATE_PRESETS) {
    const button = el('button', { type: 'button', class: 'action', 'data-lr': rate }, [
      `η = ${rate}`,
    ]);
    button.addEventListener('click', () => {
      lrInput.value = String(Math.log10(rate));
      recompute(true);
    });
    byId('gd-lr-presets').append(button);
  }
  const lr = (): number => lrOf(Number(lrInput.value));
  const fOf = (x: Tensor): number => f2(x.data);

  /** Parses the formula; false (with the message shown) when it is not arithmetic in x0, x1. */
  const compile = (): boolean => {
    try {
      f2 = compileExpression(exprInput.value, ['x0', 'x1']);
      byId('gd-expr-error').textContent = '';
      return true;
    } catch (error) {
      byId('gd-expr-error').textContent = error instanceof Error ? error.message : String(error);
      return false;
    }
  };

  const buildGrid = (): void => {
    const e = surface.extent;
    axis = Array.from({ length: GRID }, (_, i) => -e + (2 * e * i) / (GRID - 1));
    z = axis.map((b) => axis.map((a) => f2([a, b])));
  };

  const chooseSurface = (): void => {
    surface = [...SURFACES, CUSTOM_SURFACE].find((s) => s.id === select.value) ?? SURFACES[0]!;
    if (surface !== CUSTOM_SURFACE) exprInput.value = surface.expression;
    lrInput.value = String(Math.log10(surface.lr));
    x0Input.value = String(surface.start[0]);
    x1Input.value = String(surface.start[1]);
    noiseInput.checked = false;
    byId('gd-note').textContent = t(surface.note);
    if (!compile()) return;
    buildGrid();
    recompute(true);
  };

  const recompute = (toEnd: boolean): void => {
    const steps = Math.max(1, Math.min(200, Math.round(Number(stepsInput.value)) || 20));
    const start = [Number(x0Input.value) || 0, Number(x1Input.value) || 0];
    const noise = noiseInput.checked ? { std: NOISE_STD, rng: createRng(NOISE_SEED) } : undefined;
    const { history } = gradientDescent(fOf, start, { lr: lr(), stepNum: steps, noise });
    const far = history.findIndex((p) => !p.every((v) => Number.isFinite(v) && Math.abs(v) < FAR));
    path = (far < 0 ? history : history.slice(0, far)).map((p) => Array.from(p));
    stepInput.max = String(path.length - 1);
    if (toEnd || Number(stepInput.value) > path.length - 1) stepInput.value = stepInput.max;
    byId('gd-lr-out').textContent = `η = ${lr()}`;
    const last = path[path.length - 1]!;
    const fLast = f2(last);
    const f0 = f2(start);
    const diverged = far >= 0 || fLast > Math.abs(f0) * 10 + 1;
    Object.assign(panel.dataset, {
      function: surface.id,
      lr: String(lr()),
      points: String(path.length),
      finalX0: String(last[0]),
      finalX1: String(last[1]),
      finalF: String(fLast),
      diverged: String(diverged),
      noise: String(noiseInput.checked),
    });
    summary.textContent =
      t('descent.summary', {
        lr: lr(),
        steps: path.length - 1,
        x0: fmt(last[0]!),
        x1: fmt(last[1]!),
        f: fmt(fLast),
      }) + (far >= 0 ? t('descent.diverged') : diverged ? t('descent.overshooting') : '');
    writeParams({
      'gd-f': surface.id,
      'gd-lr': lr(),
      'gd-x0': start[0]!,
      'gd-x1': start[1]!,
      'gd-steps': steps,
      'gd-noise': noiseInput.checked,
      ...(surface === CUSTOM_SURFACE ? { 'gd-expr': exprInput.value } : {}),
    });
    showStep();
  };

  const showStep = (): void => {
    const k = Number(stepInput.value);
    byId('gd-step-out').textContent = `${k} / ${path.length - 1}`;
    const points = path.slice(0, k + 1).map((p) => [p[0]!, p[1]!] as const);
    const size = chart.fitWidth(110, 420, 220);
    chart.showLater(() =>
      contourChart(
        { x0: axis, x1: axis, z },
        {
          title: `f = ${exprInput.value}`,
          xLabel: 'x0',
          yLabel: 'x1',
          levels: surface.levels,
          width: size,
          height: size,
        },
        [{ name: `η = ${lr()}`, points }],
      ),
    );
    // Step i goes from path[i−1] to path[i]: first-order prediction −η‖∇f(path[i−1])‖².
    const rows = path.slice(Math.max(0, k - 4), k + 1).map((p, i, all) => {
      const step = k - (all.length - 1) + i;
      const g = numericalGradient(fOf, tensor(p)).data;
      const cells = [step, p[0]!, p[1]!, f2(p), Math.hypot(g[0]!, g[1]!)].map((v, j) =>
        j === 0 ? String(v) : fmt(v),
      );
      if (step === 0) cells.push('', '');
      else {
        const before = path[step - 1]!;
        const gb = numericalGradient(fOf, tensor(before)).data;
        const predicted = -lr() * (gb[0]! ** 2 + gb[1]! ** 2);
        cells.push(fmt(predicted), fmt(f2(p) - f2(before)));
        if (step === k) {
          panel.dataset.predictedDelta = String(predicted);
          panel.dataset.actualDelta = String(f2(p) - f2(before));
        }
      }
      return el(
        'tr',
        {},
        cells.map((c) => el('td', {}, [c])),
      );
    });
    table.replaceChildren(...rows);
  };

  const stop = (): void => {
    clearInterval(timer);
    timer = 0;
    byId('gd-play').textContent = t('descent.play');
  };
  const move = (delta: number): void => {
    stop();
    stepInput.value = String(Number(stepInput.value) + delta);
    showStep();
  };

  select.addEventListener('change', chooseSurface);
  exprInput.addEventListener('input', () => {
    if (select.value !== CUSTOM_SURFACE.id) {
      select.value = CUSTOM_SURFACE.id;
      surface = CUSTOM_SURFACE;
      byId('gd-note').textContent = t(surface.note);
    }
    if (!compile()) return;
    buildGrid();
    recompute(true);
  });
  lrInput.addEventListener('input', () => recompute(true));
  for (const input of [stepsInput, x0Input, x1Input, noiseInput])
    input.addEventListener('change', () => recompute(true));
  stepInput.addEventListener('input', () => {
    stop();
    showStep();
  });
  byId('gd-prev').addEventListener('click', () => move(-1));
  byId('gd-next').addEventListener('click', () => move(1));
  byId('gd-play').addEventListener('click', () => {
    if (timer) return stop();
    if (Number(stepInput.value) >= path.length - 1) stepInput.value = '0';
    byId('gd-play').textContent = t('descent.pause');
    timer = window.setInterval(() => {
      if (Number(stepInput.value) >= path.length - 1) return stop();
      stepInput.value = String(Number(stepInput.value) + 1);
      showStep();
    }, 250);
  });
  byId('gd-chart').addEventListener('click', (event) => {
    const point = chart.dataPoint(event);
    if (!point) return;
    x0Input.value = point[0].toFixed(2);
    x1Input.value = point[1].toFixed(2);
    recompute(true);
  });

  // A shared link: the URL's settings on top of the chosen function's defaults.
  const fromUrl = readParam('gd-f');
  if (fromUrl && [...SURFACES, CUSTOM_SURFACE].some((s) => s.id === fromUrl))
    select.value = fromUrl;
  chooseSurface();
  if (readParam('gd-f') !== null) {
    const expr = readParam('gd-expr');
    if (surface === CUSTOM_SURFACE && expr !== null) exprInput.value = expr;
    lrInput.value = String(Math.log10(readNumber('gd-lr', surface.lr)));
    x0Input.value = String(readNumber('gd-x0', surface.start[0]));
    x1Input.value = String(readNumber('gd-x1', surface.start[1]));
    stepsInput.value = String(readNumber('gd-steps', 20));
    noiseInput.checked = readParam('gd-noise') === 'true';
    if (compile()) {
      buildGrid();
      recompute(true);
    }
  }
}
