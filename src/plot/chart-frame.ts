import type { Config } from 'vega-lite';

/** Axis scale of a chart: linear, or base-10 logarithmic (for losses spanning decades). */
export type ScaleKind = 'linear' | 'log';

/** A closed data interval `[min, max]` used as an axis domain. */
export type Domain = readonly [number, number];

/** Options every chart builder accepts: texts and plot-area size in pixels. */
export interface FrameOptions {
  /** Chart title, drawn above the plot. */
  title: string;
  /** Horizontal axis title. */
  xLabel: string;
  /** Vertical axis title. */
  yLabel: string;
  /** Plot-area width in px (axes, legend and title come on top); default 480. */
  width?: number;
  /** Plot-area height in px; default 320. */
  height?: number;
}

/**
 * Fonts named in every spec. DejaVu Sans comes first because it is what the PNG renderer loads
 * on Linux; browsers fall through to what they have.
 */
export const CHART_FONT = 'DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif';

/** Default plot-area size: a 3:2 figure, close to matplotlib's default aspect. */
export const DEFAULT_WIDTH = 480;
export const DEFAULT_HEIGHT = 320;

/**
 * Shared configuration: a textbook look (white background, light grid, readable axis titles).
 * Font sizes are set explicitly so the PNG and the browser agree.
 */
export const CHART_CONFIG: Config = {
  background: 'white',
  padding: 12,
  font: CHART_FONT,
  title: { fontSize: 15, fontWeight: 'bold', offset: 10 },
  axis: {
    titleFontSize: 13,
    titleFontWeight: 'normal',
    labelFontSize: 11,
    gridColor: '#e6e6e6',
    domainColor: '#444',
    tickColor: '#444',
    titlePadding: 8,
  },
  legend: { titleFontSize: 12, labelFontSize: 12, symbolStrokeWidth: 2.5, labelLimit: 240 },
};

/**
 * The top-level properties every gradlab chart shares ($schema, title, size, config).
 * @example
 * chartFrame({ title: 'Loss', xLabel: 'iteration', yLabel: 'loss' });
 * // { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title: 'Loss', width: 480, ... }
 */
export function chartFrame(options: FrameOptions): {
  $schema: string;
  title: string;
  width: number;
  height: number;
  config: Config;
} {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title,
    width: options.width ?? DEFAULT_WIDTH,
    height: options.height ?? DEFAULT_HEIGHT,
    config: CHART_CONFIG,
  };
}

/**
 * A quantitative position channel on `field` with exactly the given domain (no nice rounding,
 * no forced zero): for 2-D plots whose axes must match the data grid.
 * @example
 * fixedAxis('x', 'x0', [-2, 2]); // { field: 'x', type: 'quantitative', title: 'x0', scale: { domain: [-2, 2], ... } }
 */
export function fixedAxis(field: string, title: string, domain: Domain) {
  return {
    field,
    type: 'quantitative' as const,
    title,
    scale: { domain: [domain[0], domain[1]], nice: false, zero: false },
  };
}
