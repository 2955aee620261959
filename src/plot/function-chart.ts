import type { TopLevelSpec } from 'vega-lite';
import type { Domain, FrameOptions } from './chart-frame.js';
import { lineChart, type LineSeries } from './line-chart.js';
import type { LegendPlacement } from './legend.js';
import { PlotInputError } from './plot-error.js';

/** A tangent to draw: the line through (at, f(at)) with the given slope. */
export interface Tangent {
  at: number;
  /** f′(at), e.g. from the numerical derivative. */
  slope: number;
  /** Legend label; default `tangent at x = <at>`. */
  name?: string;
}

/** Options of {@link functionChart}. */
export interface FunctionChartOptions extends Partial<FrameOptions> {
  /** The x interval to sample and draw. */
  xDomain: Domain;
  /** Samples of f over xDomain; default 200. */
  samples?: number;
  tangents?: readonly Tangent[];
  /** Legend label of f; default 'f(x)'. */
  name?: string;
  /** Fixed y range; default f's range over xDomain plus 5 % (tangents are clipped to it). */
  yDomain?: Domain;
  legend?: LegendPlacement;
}

/**
 * A plot of y = f(x) over an interval, with tangent lines y = f(a) + f′(a)·(x − a).
 *
 * The slope is passed in (plot depends on nothing), so the same chart shows a numerical or an
 * analytic derivative. The y range follows f, so steep tangents are clipped rather than
 * squashing the curve.
 *
 * Book: fig 4-2 / 4-3 (function_1 = 0.01x² + 0.1x and its tangents at x = 5 and x = 10).
 * @example
 * const f = (x: number) => 0.01 * x ** 2 + 0.1 * x;
 * functionChart(f, { xDomain: [0, 20], tangents: [{ at: 5, slope: 0.2 }] });
 * // series 'f(x)' and 'tangent at x = 5'
 */
export function functionChart(
  f: (x: number) => number,
  options: FunctionChartOptions,
): TopLevelSpec {
  const [x0, x1] = options.xDomain;
  const samples = options.samples ?? 200;
  if (!(x1 > x0) || !Number.isInteger(samples) || samples < 2) {
    throw new PlotInputError(
      `functionChart: options: expected xDomain [a, b] with a < b and integer samples ≥ 2, found xDomain [${x0}, ${x1}], samples ${samples}`,
    );
  }
  const x = Array.from({ length: samples }, (_, i) => x0 + ((x1 - x0) * i) / (samples - 1));
  const y = x.map(f);
  const series: LineSeries[] = [{ name: options.name ?? 'f(x)', x, y }];
  for (const t of options.tangents ?? []) {
    const fa = f(t.at);
    series.push({
      name: t.name ?? `tangent at x = ${t.at}`,
      x: [x0, x1],
      y: [fa + t.slope * (x0 - t.at), fa + t.slope * (x1 - t.at)],
      strokeDash: [6, 4],
    });
  }
  return lineChart(series, {
    title: options.title ?? 'f(x)',
    xLabel: options.xLabel ?? 'x',
    yLabel: options.yLabel ?? 'f(x)',
    width: options.width,
    height: options.height,
    xDomain: options.xDomain,
    yDomain: options.yDomain ?? paddedRange(y),
    legend: options.legend ?? (series.length > 1 ? 'top-left' : 'none'),
  });
}

function paddedRange(values: readonly number[]): Domain {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) {
    throw new PlotInputError('functionChart: f: expected finite values over xDomain, found none');
  }
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const pad = hi > lo ? 0.05 * (hi - lo) : 1;
  return [lo - pad, hi + pad];
}
