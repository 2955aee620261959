import { contourChart, gradientDescent, numericalGradient, tensor, type Tensor } from 'gradlab';
import { ChartSlot } from './chart.js';
import { SURFACES, type SurfaceFunction } from './descent-functions.js';
import { byId, fmt } from './dom.js';
import { t } from './i18n/i18n.js';

const GRID = 41;
// Points beyond this multiple of the domain are dropped from the path: the chart clips them
// anyway, and a diverging path reaches 1e300 within a few dozen steps.
const FAR = 1e6;

/** The gradient-descent panel: contour plot, clickable start, lr slider, step-through. */
export function mount(panel: HTMLElement): void {
  const select = byId<HTMLSelectElement>('gd-function');
  const lrInput = byId<HTMLInputElement>('gd-lr');
  const stepsInput = byId<HTMLInputElement>('gd-steps');
  const x0Input = byId<HTMLInputElement>('gd-x0');
  const x1Input = byId<HTMLInputElement>('gd-x1');
  const stepInput = byId<HTMLInputElement>('gd-step');
  const chart = new ChartSlot(byId('gd-chart'));
  const table = byId<HTMLTableElement>('gd-table').tBodies[0]!;
  const summary = byId('gd-summary');
  let surface: SurfaceFunction = SURFACES[0]!;
  let axis: number[] = [];
  let z: number[][] = [];
  let path: number[][] = [];
  let timer = 0;

  for (const s of SURFACES) select.add(new Option(t(s.label), s.id));
  const lr = (): number => Number((10 ** Number(lrInput.value)).toPrecision(2));
  const fOf = (x: Tensor): number => surface.f(x.data[0]!, x.data[1]!);

  const chooseSurface = (): void => {
    surface = SURFACES.find((s) => s.id === select.value) ?? SURFACES[0]!;
    lrInput.value = String(Math.log10(surface.lr));
    x0Input.value = String(surface.start[0]);
    x1Input.value = String(surface.start[1]);
    byId('gd-note').textContent = t(surface.note);
    const e = surface.extent;
    axis = Array.from({ length: GRID }, (_, i) => -e + (2 * e * i) / (GRID - 1));
    z = axis.map((b) => axis.map((a) => surface.f(a, b)));
    recompute(true);
  };

  const recompute = (toEnd: boolean): void => {
    const steps = Math.max(1, Math.min(200, Math.round(Number(stepsInput.value)) || 20));
    const start = [Number(x0Input.value) || 0, Number(x1Input.value) || 0];
    const { history } = gradientDescent(fOf, start, { lr: lr(), stepNum: steps });
    const far = history.findIndex((p) => !p.every((v) => Number.isFinite(v) && Math.abs(v) < FAR));
    path = (far < 0 ? history : history.slice(0, far)).map((p) => Array.from(p));
    stepInput.max = String(path.length - 1);
    if (toEnd || Number(stepInput.value) > path.length - 1) stepInput.value = stepInput.max;
    byId('gd-lr-out').textContent = `η = ${lr()}`;
    const last = path[path.length - 1]!;
    const fLast = surface.f(last[0]!, last[1]!);
    const diverged = far >= 0 || fLast > surface.f(start[0]!, start[1]!) * 10;
    Object.assign(panel.dataset, {
      lr: String(lr()),
      points: String(path.length),
      finalX0: String(last[0]),
      finalX1: String(last[1]),
      finalF: String(fLast),
      diverged: String(diverged),
    });
    summary.textContent =
      t('descent.summary', {
        lr: lr(),
        steps: path.length - 1,
        x0: fmt(last[0]!),
        x1: fmt(last[1]!),
        f: fmt(fLast),
      }) + (far >= 0 ? t('descent.diverged') : diverged ? t('descent.overshooting') : '');
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
          title: surface.title,
          xLabel: 'x0',
          yLabel: 'x1',
          levels: surface.levels,
          width: size,
          height: size,
        },
        [{ name: `η = ${lr()}`, points }],
      ),
    );
    const rows = path.slice(Math.max(0, k - 4), k + 1).map((p, i, all) => {
      const step = k - (all.length - 1) + i;
      const g = numericalGradient(fOf, tensor(p)).data;
      return `<tr><td>${step}</td><td>${fmt(p[0]!)}</td><td>${fmt(p[1]!)}</td><td>${fmt(surface.f(p[0]!, p[1]!))}</td><td>${fmt(Math.hypot(g[0]!, g[1]!))}</td></tr>`;
    });
    table.innerHTML = rows.join('');
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
  lrInput.addEventListener('input', () => recompute(true));
  for (const input of [stepsInput, x0Input, x1Input])
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
  chooseSurface();
}
