import type { TopLevelSpec } from 'vega-lite';
import { chartFrame, type Domain, type FrameOptions } from './chart-frame.js';
import { legendFor, type LegendPlacement } from './legend.js';
import { SERIES_COLORS } from './palette.js';
import { PlotInputError } from './plot-error.js';

/** One named layer of a scatter chart: dots, or a line drawn in the given point order. */
export interface ScatterSeries {
  /** Legend label; unique within a chart. */
  name: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** 'points' (default) draws a dot per point; 'line' joins the points in order. */
  mark?: 'points' | 'line';
  /** CSS colour; default the next tab10 colour. */
  color?: string;
  /** Dash pattern of a line, e.g. [6, 4]; default solid. */
  strokeDash?: readonly number[];
  /** Dot area in px² (default 30). */
  size?: number;
  /** Dot opacity (default 0.7, so overlapping data stays readable). */
  opacity?: number;
}

/** Options of {@link scatterChart}. */
export interface ScatterChartOptions extends FrameOptions {
  xDomain?: Domain;
  yDomain?: Domain;
  /** Where the legend goes; default 'right'. */
  legend?: LegendPlacement;
}

interface ScatterRow {
  series: string;
  order: number;
  x: number;
  y: number;
}

/**
 * Data as dots with fitted curves on top (a regression line, a fitted probability, samples drawn
 * from a model): each series is either dots or a line joined in point order, one legend for all.
 * Points with a non-finite coordinate are left out.
 *
 * Shapes: each series x (n), y (n).
 * @example
 * scatterChart(
 *   [
 *     { name: 'data', x: [0, 1, 2], y: [0.1, 1.2, 1.9] },
 *     { name: 'fit', x: [0, 2], y: [0, 2], mark: 'line' },
 *   ],
 *   { title: 'Least squares', xLabel: 'x', yLabel: 'y' },
 * ); // dots for 'data', a line for 'fit', legend on the right
 */
export function scatterChart(
  series: readonly ScatterSeries[],
  options: ScatterChartOptions,
): TopLevelSpec {
  if (series.length === 0)
    throw new PlotInputError('scatterChart: series: expected at least one series, found none');
  const names: string[] = [];
  const rows: ScatterRow[] = [];
  series.forEach((s, k) => {
    if (names.includes(s.name)) {
      throw new PlotInputError(
        `scatterChart: series[${k}]: expected a unique name, found '${s.name}' twice`,
      );
    }
    if (s.x.length !== s.y.length) {
      throw new PlotInputError(
        `scatterChart: series[${k}] ('${s.name}'): expected y.length === x.length (${s.x.length}), found ${s.y.length}`,
      );
    }
    names.push(s.name);
    for (let i = 0; i < s.x.length; i++) {
      const x = s.x[i]!;
      const y = s.y[i]!;
      if (Number.isFinite(x) && Number.isFinite(y)) rows.push({ series: s.name, order: i, x, y });
    }
  });
  const colors = series.map((s, k) => s.color ?? SERIES_COLORS[k % SERIES_COLORS.length]!);
  const legend = legendFor(options.legend ?? 'right', 'circle');
  const axis = (field: 'x' | 'y', title: string, domain: Domain | undefined) => ({
    field,
    type: 'quantitative' as const,
    title,
    scale: domain
      ? { domain: [domain[0], domain[1]], nice: false, zero: false }
      : { nice: true, zero: false },
  });
  const color = {
    field: 'series',
    type: 'nominal' as const,
    title: null,
    scale: { domain: names, range: colors },
    legend,
  };
  const layers = series.map((s) => {
    const only = [{ filter: { field: 'series', equal: s.name } }];
    if (s.mark === 'line') {
      return {
        transform: only,
        mark: {
          type: 'line' as const,
          strokeWidth: 2,
          clip: true,
          ...(s.strokeDash ? { strokeDash: [...s.strokeDash] } : {}),
        },
        encoding: { order: { field: 'order', type: 'quantitative' as const } },
      };
    }
    return {
      transform: only,
      mark: {
        type: 'point' as const,
        filled: true,
        size: s.size ?? 30,
        opacity: s.opacity ?? 0.7,
        clip: true,
      },
    };
  });
  return {
    ...chartFrame(options),
    data: { values: rows },
    encoding: {
      x: axis('x', options.xLabel, options.xDomain),
      y: axis('y', options.yLabel, options.yDomain),
      color,
    },
    layer: layers,
  };
}
