import type { TopLevelSpec } from 'vega-lite';
import { chartFrame, fixedAxis, type FrameOptions, type ScaleKind } from './chart-frame.js';
import { contourLevels, contourSegments } from './contour-lines.js';
import { flattenGrid, type Grid2D } from './grid.js';
import { pathLayers, type PathOverlay } from './path-overlay.js';
import { heatmapLayer } from './heatmap.js';
import { PlotInputError } from './plot-error.js';

/** Options of {@link contourChart}. */
export interface ContourChartOptions extends FrameOptions {
  /** Number of evenly spaced levels, or the levels themselves; default 10. */
  levels?: number | readonly number[];
  /** Spacing of the default levels and of the heatmap colours; 'log' needs z > 0. Default 'linear'. */
  zScale?: ScaleKind;
  /** Colour the cells by z under the level lines; default true. */
  heatmap?: boolean;
  /** Legend title of the heatmap colours; default 'f'. */
  zLabel?: string;
}

/**
 * Level lines of z = f(x0, x1) over a light heatmap, with optional paths drawn on top (the
 * iterates of gradient descent). Vega-Lite has no contour mark, so the level lines are computed
 * here with marching squares and drawn as rule segments; heatmap cells are centred on the grid
 * points. Width and height default to 400 px (equal axes for a square domain).
 *
 * Shapes: grid x0 (nx), x1 (ny), z (ny, nx); paths any length.
 * Book: fig 4-10 (gradient_method.py: the path of gradient descent on f(x0, x1) = x0² + x1²).
 * @example
 * const x0 = [-3, -1.5, 0, 1.5, 3], x1 = x0;
 * const z = x1.map((b) => x0.map((a) => a * a + b * b));
 * contourChart({ x0, x1, z }, { title: 'f = x0² + x1²', xLabel: 'x0', yLabel: 'x1' },
 *   [{ name: 'gradient descent', points: [[-3, 3], [-1.8, 1.8], [-1.08, 1.08]] }]);
 */
export function contourChart(
  grid: Grid2D,
  options: ContourChartOptions,
  paths: readonly PathOverlay[] = [],
): TopLevelSpec {
  const g = flattenGrid(grid, 'contourChart');
  const finite = Array.from(g.z).filter(Number.isFinite);
  if (finite.length === 0)
    throw new PlotInputError('contourChart: grid.z: expected finite values, found none');
  const zMin = Math.min(...finite);
  const zMax = Math.max(...finite);
  const zScale = options.zScale ?? 'linear';
  if (zScale === 'log' && zMin <= 0) {
    throw new PlotInputError(
      `contourChart: options.zScale 'log': expected z > 0, found min ${zMin}`,
    );
  }
  const levels =
    typeof options.levels === 'object'
      ? options.levels
      : contourLevels(zMin, zMax, options.levels ?? 10, zScale);
  const x = fixedAxis('x', options.xLabel, [g.x0[0]!, g.x0.at(-1)!]);
  const y = fixedAxis('y', options.yLabel, [g.x1[0]!, g.x1.at(-1)!]);
  const cells = options.heatmap === false ? [] : [heatmapLayer(g, zScale, options.zLabel ?? 'f')];
  return {
    ...chartFrame({ ...options, width: options.width ?? 400, height: options.height ?? 400 }),
    encoding: { x, y },
    layer: [
      ...cells,
      {
        data: { values: contourSegments(g, levels) },
        mark: { type: 'rule', color: '#333', strokeWidth: 0.8, opacity: 0.8, aria: false },
        encoding: { x2: { field: 'x2' }, y2: { field: 'y2' } },
      },
      ...pathLayers(paths),
    ],
  };
}
