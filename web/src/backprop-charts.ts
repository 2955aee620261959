import {
  argmaxRows,
  createRng,
  sample,
  scatterChart,
  tensor,
  type ScatterSeries,
  type Tensor,
} from 'gradlab';
import { X_MAX, type Problem } from './backprop-heads.js';
import { t } from './i18n/i18n.js';

const GRID = 36;
const EXTENT = 4;
const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c'];
const REGION_COLORS = ['#c6dbef', '#fdd0a2', '#c7e9c0'];
/** Grid points of the regression's x axis: μ, μ ± 2σ and one sample at each. */
export const LINE_GRID = 61;
const X_EXTENT = X_MAX + 0.25;
// Beyond this |y| a value is left out: a diverged net's 1e200 would reach the SVG as a coordinate
// that the browser rejects ("Trailing garbage" in a transform).
const Y_LIMIT = 1e6;
const shown = (v: number): number => (Math.abs(v) <= Y_LIMIT ? v : NaN);

/** The 2-D plane the blobs' regions are coloured on. Shapes: (GRID², 2). */
export const PLANE: Tensor = tensor(
  Array.from({ length: GRID * GRID }, (_, k) => [
    -EXTENT + (2 * EXTENT * (k % GRID)) / (GRID - 1),
    -EXTENT + (2 * EXTENT * Math.floor(k / GRID)) / (GRID - 1),
  ]),
);

/** The regression's x grid. Shapes: (LINE_GRID, 1). */
export const LINE: Tensor = tensor(
  Array.from({ length: LINE_GRID }, (_, k) => [-X_EXTENT + (2 * X_EXTENT * k) / (LINE_GRID - 1)]),
);

/** Options shared by the panel's charts. */
export interface ChartFrame {
  readonly iteration: number;
  readonly width: number;
}

/**
 * The blobs over the regions their classifier assigns: argmax of the scores (categorical), or
 * P(y = 1) = σ(z) ≥ ½ (bernoulli, from the head's predict). `planeOutput` is the net's output on
 * PLANE. Shapes: planeOutput (GRID², C) or (GRID², 1).
 */
export function regionsChart(problem: Problem, planeOutput: Tensor, frame: ChartFrame) {
  const bernoulli = problem.name === 'bernoulli';
  const region = bernoulli
    ? Int32Array.from(problem.head.predict(planeOutput).data, (p) => (p >= 0.5 ? 1 : 0))
    : argmaxRows(planeOutput);
  const series: ScatterSeries[] = [];
  for (let c = 0; c < problem.classes; c++) {
    const cells = Array.from(region.keys()).filter((k) => region[k] === c);
    series.push({
      name: bernoulli
        ? t(c === 1 ? 'backprop.regionHigh' : 'backprop.regionLow')
        : t('backprop.region', { c }),
      x: cells.map((k) => PLANE.data[2 * k]!),
      y: cells.map((k) => PLANE.data[2 * k + 1]!),
      color: REGION_COLORS[c],
      size: 110,
    });
  }
  const labels = problem.t as Int32Array;
  for (let c = 0; c < problem.classes; c++) {
    const rows = Array.from(labels.keys()).filter((n) => labels[n] === c);
    series.push({
      name: t('backprop.class', { c }),
      x: rows.map((n) => problem.x.data[2 * n]!),
      y: rows.map((n) => problem.x.data[2 * n + 1]!),
      color: COLORS[c],
      size: 30,
    });
  }
  return scatterChart(series, {
    title: t(bernoulli ? 'backprop.probTitle' : 'backprop.boundaryTitle', {
      iteration: frame.iteration,
    }),
    xLabel: 'x0',
    yLabel: 'x1',
    xDomain: [-EXTENT, EXTENT],
    yDomain: [-EXTENT, EXTENT],
    width: frame.width,
    height: frame.width,
  });
}

/**
 * The regression data with the learned Gaussian: μ(x) from the head's predict, μ ± 2σ with σ²
 * from the head's variance, and one draw y ~ N(μ(x), σ²(x)) per grid x (the library's `sample`,
 * seeded so a redraw of the same net shows the same draws). `lineOutput` is the net's output on
 * LINE; `samples` counts the draws drawn (those with |y| ≤ 1e6: a diverged net's are left out).
 * Shapes: lineOutput (LINE_GRID, 2).
 */
export function regressionChart(
  problem: Problem,
  lineOutput: Tensor,
  seed: number,
  frame: ChartFrame,
): { spec: ReturnType<typeof scatterChart>; samples: number } {
  const { head } = problem;
  const xs = Array.from(LINE.data);
  const mean = Array.from(head.predict(lineOutput).data, shown);
  const sigma = Array.from(head.variance!(lineOutput).data, Math.sqrt);
  const draws = Array.from(sample(head, lineOutput, createRng(seed + 2)).data, shown);
  const series: ScatterSeries[] = [
    {
      name: t('backprop.data'),
      x: problem.x.data,
      y: (problem.t as Tensor).data,
      color: COLORS[0],
      size: 26,
      opacity: 0.55,
    },
    {
      name: t('backprop.samples'),
      x: xs,
      y: draws,
      color: '#d62728',
      size: 20,
      opacity: 0.9,
    },
    { name: t('backprop.mean'), x: xs, y: mean, mark: 'line', color: '#111111' },
    {
      name: 'μ + 2σ',
      x: xs,
      y: xs.map((_, k) => shown(mean[k]! + 2 * sigma[k]!)),
      mark: 'line',
      color: COLORS[1],
      strokeDash: [6, 4],
    },
    {
      name: 'μ − 2σ',
      x: xs,
      y: xs.map((_, k) => shown(mean[k]! - 2 * sigma[k]!)),
      mark: 'line',
      color: COLORS[1],
      strokeDash: [6, 4],
    },
  ];
  const spec = scatterChart(series, {
    title: t('backprop.regressionTitle', { iteration: frame.iteration }),
    xLabel: 'x',
    yLabel: 'y',
    xDomain: [-X_EXTENT, X_EXTENT],
    yDomain: [-4.5, 4.5],
    width: frame.width,
    height: Math.round(frame.width * 0.8),
  });
  return { spec, samples: draws.filter(Number.isFinite).length };
}
