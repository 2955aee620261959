import type { TopLevelSpec } from 'vega-lite';
import { chartFrame, type Domain, type FrameOptions, type ScaleKind } from './chart-frame.js';
import { decimateMinMax } from './decimate.js';
import { PlotInputError } from './plot-error.js';
import { legendFor, type LegendPlacement } from './legend.js';
import { SERIES_COLORS } from './palette.js';

/** One named curve of a line chart. */
export interface LineSeries {
  /** Legend label; unique within a chart. */
  name: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** CSS colour; default the next matplotlib tab10 colour. */
  color?: string;
  /** Dash pattern in px, e.g. `[6, 4]` for the book's dashed test curve; default solid. */
  strokeDash?: readonly number[];
  /** Draw a dot at every point of this series; default `options.points`. */
  points?: boolean;
}

/** Options of {@link lineChart}. */
export interface LineChartOptions extends FrameOptions {
  xScale?: ScaleKind;
  /** Ticks only at whole numbers on x (epochs, steps), formatted without decimals. */
  xIntegerTicks?: boolean;
  yScale?: ScaleKind;
  /** Fixed x range; default: the data's range, rounded to nice ticks. */
  xDomain?: Domain;
  /** Fixed y range; default: the data's range, rounded to nice ticks. */
  yDomain?: Domain;
  /** Dots on every series' points (a series' own `points` wins). */
  points?: boolean;
  /** Where the legend goes; default 'right' with two series or more, 'none' with one. */
  legend?: LegendPlacement;
  /** Line width in px; default 2 (a noisy per-iteration loss reads better at 1). */
  strokeWidth?: number;
  /** Longer series are thinned to about this many points (min–max buckets); default 2000. */
  maxPoints?: number;
}

/** A data row of a line chart: what the spec's `data.values` holds. */
export interface LineRow {
  series: string;
  x: number;
  y: number;
}

/**
 * A multi-series line chart (loss per iteration, train vs test accuracy, f(x) and its tangents).
 *
 * Points with a non-finite coordinate, or a coordinate ≤ 0 on a log axis, are left out (a NaN loss
 * after divergence does not break the chart). Series over `maxPoints` long are thinned with
 * {@link decimateMinMax}. Marks are clipped to the plot only when a fixed domain cuts the data.
 *
 * Shapes: each series x (n), y (n); n may differ between series.
 * Book: the plt.plot / plt.legend figures of ch04 (fig 4-11, 4-12).
 * @example
 * lineChart(
 *   [
 *     { name: 'train acc', x: [0, 1, 2], y: [0.1, 0.8, 0.9] },
 *     { name: 'test acc', x: [0, 1, 2], y: [0.1, 0.79, 0.88], strokeDash: [6, 4] },
 *   ],
 *   { title: 'Accuracy', xLabel: 'epochs', yLabel: 'accuracy', yDomain: [0, 1] },
 * ); // a Vega-Lite spec: one line per series, legend 'train acc' / 'test acc'
 */
export function lineChart(series: readonly LineSeries[], options: LineChartOptions): TopLevelSpec {
  if (series.length === 0) {
    throw new PlotInputError('lineChart: series: expected at least one series, found none');
  }
  const maxPoints = options.maxPoints ?? 2000;
  if (!(maxPoints >= 4)) {
    throw new PlotInputError(
      `lineChart: options.maxPoints: expected a number ≥ 4, found ${maxPoints}`,
    );
  }
  const xLog = options.xScale === 'log';
  const yLog = options.yScale === 'log';
  const rows: LineRow[] = [];
  const names: string[] = [];
  series.forEach((s, k) => {
    if (names.includes(s.name)) {
      throw new PlotInputError(
        `lineChart: series[${k}]: expected a unique name, found '${s.name}' twice`,
      );
    }
    if (s.x.length !== s.y.length) {
      throw new PlotInputError(
        `lineChart: series[${k}] ('${s.name}'): expected y.length === x.length (${s.x.length}), found ${s.y.length}`,
      );
    }
    names.push(s.name);
    for (const i of decimateMinMax(s.y, maxPoints)) {
      const x = s.x[i]!;
      const y = s.y[i]!;
      if (!Number.isFinite(x) || !Number.isFinite(y) || (xLog && x <= 0) || (yLog && y <= 0))
        continue;
      rows.push({ series: s.name, x, y });
    }
  });
  const clip = cuts(rows, 'x', options.xDomain) || cuts(rows, 'y', options.yDomain);
  const dashed = series.some((s) => s.strokeDash !== undefined);
  const dotted = series.filter((s) => s.points ?? options.points ?? false).map((s) => s.name);
  const legend = legendFor(options.legend ?? (series.length > 1 ? 'right' : 'none'), 'stroke');
  return {
    ...chartFrame(options),
    data: { values: rows },
    encoding: {
      x: {
        field: 'x',
        type: 'quantitative',
        title: options.xLabel,
        scale: scaleOf(options.xScale, options.xDomain),
        ...(options.xIntegerTicks && { axis: { tickMinStep: 1, format: 'd' } }),
      },
      y: {
        field: 'y',
        type: 'quantitative',
        title: options.yLabel,
        scale: scaleOf(options.yScale, options.yDomain),
      },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        scale: {
          domain: names,
          range: series.map((s, k) => s.color ?? SERIES_COLORS[k % SERIES_COLORS.length]!),
        },
        legend,
      },
      ...(dashed && {
        strokeDash: {
          field: 'series',
          type: 'nominal',
          title: null,
          // [1, 0] is a solid line: Vega needs an array for every domain entry.
          scale: { domain: names, range: series.map((s) => [...(s.strokeDash ?? [1, 0])]) },
          legend,
        },
      }),
    },
    layer: [
      { mark: { type: 'line', strokeWidth: options.strokeWidth ?? 2, clip } },
      ...(dotted.length > 0
        ? [
            {
              transform: [{ filter: { field: 'series', oneOf: dotted } }],
              mark: { type: 'point' as const, filled: true, size: 36, opacity: 1, clip },
            },
          ]
        : []),
    ],
  };
}

function scaleOf(kind: ScaleKind | undefined, domain: Domain | undefined) {
  // Vega-Lite warns about `zero` on a log scale, so it is only set on linear ones.
  return {
    ...(kind === 'log' ? { type: 'log' as const } : { type: 'linear' as const, zero: false }),
    ...(domain ? { domain: [domain[0], domain[1]], nice: false } : { nice: true }),
  };
}

function cuts(rows: readonly LineRow[], key: 'x' | 'y', domain: Domain | undefined): boolean {
  return domain !== undefined && rows.some((r) => r[key] < domain[0] || r[key] > domain[1]);
}
