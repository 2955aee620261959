import type { TopLevelSpec } from 'vega-lite';
import { chartFrame, fixedAxis, type Domain, type FrameOptions } from './chart-frame.js';
import { PlotInputError } from './plot-error.js';

/** One arrow of a vector field: from (x, y) along (dx, dy). */
export interface Arrow {
  x: number;
  y: number;
  dx: number;
  dy: number;
}

/** Options of {@link vectorFieldChart}. */
export interface VectorFieldChartOptions extends FrameOptions {
  xDomain?: Domain;
  yDomain?: Domain;
  /** Data units drawn per unit of (dx, dy); default: the longest arrow in view spans 0.9 grid cells. */
  scale?: number;
  /** Arrow colour; default the book's '#666666'. */
  color?: string;
}

/** An arrow's shaft end and head, in data units, and the head's size and angle for Vega. */
interface ArrowRow {
  x: number;
  y: number;
  x2: number;
  y2: number;
  angle: number;
  size: number;
}

/**
 * A quiver plot: an arrow per point (the book draws −∇f to show that every step of gradient
 * descent points downhill, longer where the slope is steeper).
 *
 * Shafts are rule marks; heads are 'triangle' symbols rotated to the arrow's on-screen direction
 * θ = atan2(dx·sx, dy·sy) (degrees clockwise from up, sx and sy in px per data unit) and sized
 * with the arrow, so short arrows get small heads as in matplotlib's quiver. Width and height
 * default to 400 px.
 *
 * Book: fig 4-9 (gradient_2d.py: plt.quiver(X, Y, -grad[0], -grad[1], color="#666666")).
 * @example
 * const arrows = [];
 * for (let x = -2; x <= 2; x += 0.5) for (let y = -2; y <= 2; y += 0.5)
 *   arrows.push({ x, y, dx: -2 * x, dy: -2 * y });
 * vectorFieldChart(arrows, { title: '−∇f', xLabel: 'x0', yLabel: 'x1' });
 */
export function vectorFieldChart(
  arrows: readonly Arrow[],
  options: VectorFieldChartOptions,
): TopLevelSpec {
  const bad = arrows.findIndex((a) => ![a.x, a.y, a.dx, a.dy].every(Number.isFinite));
  if (arrows.length === 0 || bad >= 0) {
    throw new PlotInputError(
      `vectorFieldChart: arrows: expected a non-empty list of finite {x, y, dx, dy}, found ${arrows.length === 0 ? 'none' : `arrows[${bad}] = ${JSON.stringify(arrows[bad])}`}`,
    );
  }
  const width = options.width ?? 400;
  const height = options.height ?? 400;
  const step = Math.min(spacing(arrows.map((a) => a.x)), spacing(arrows.map((a) => a.y)));
  const cell = Number.isFinite(step) ? step : 1;
  const xDomain =
    options.xDomain ??
    padded(
      arrows.map((a) => a.x),
      cell,
    );
  const yDomain =
    options.yDomain ??
    padded(
      arrows.map((a) => a.y),
      cell,
    );
  // Only arrows inside the view set the scale: the book's grid runs past its xlim/ylim.
  const inside = arrows.filter((a) => within(a.x, xDomain) && within(a.y, yDomain));
  const longest = Math.max(0, ...inside.map((a) => Math.hypot(a.dx, a.dy)));
  const scale = options.scale ?? (longest > 0 ? (0.9 * cell) / longest : 1);
  const sx = width / (xDomain[1] - xDomain[0]);
  const sy = height / (yDomain[1] - yDomain[0]);
  const rows: ArrowRow[] = [];
  for (const a of arrows) {
    const px = a.dx * scale * sx;
    const py = a.dy * scale * sy;
    const lengthPx = Math.hypot(px, py);
    if (lengthPx < 1) continue;
    // Vega's triangle: tip 1.155 r ahead of its anchor, length 1.732 r, where size = (2r)².
    const headPx = Math.min(9, 0.4 * lengthPx);
    const r = headPx / Math.sqrt(3);
    const back = (1.155 * r) / lengthPx;
    rows.push({
      x: a.x,
      y: a.y,
      x2: a.x + a.dx * scale * (1 - back),
      y2: a.y + a.dy * scale * (1 - back),
      angle: (Math.atan2(px, py) * 180) / Math.PI,
      size: (2 * r) ** 2,
    });
  }
  const color = options.color ?? '#666666';
  return {
    ...chartFrame({ ...options, width, height }),
    data: { values: rows },
    layer: [
      {
        mark: { type: 'rule', color, strokeWidth: 1.3, clip: true, aria: false },
        encoding: {
          x: fixedAxis('x', options.xLabel, xDomain),
          y: fixedAxis('y', options.yLabel, yDomain),
          x2: { field: 'x2' },
          y2: { field: 'y2' },
        },
      },
      {
        mark: {
          type: 'point',
          shape: 'triangle',
          filled: true,
          color,
          opacity: 1,
          clip: true,
          aria: false,
        },
        encoding: {
          x: fixedAxis('x2', options.xLabel, xDomain),
          y: fixedAxis('y2', options.yLabel, yDomain),
          angle: { field: 'angle', type: 'quantitative', scale: null },
          size: { field: 'size', type: 'quantitative', scale: null },
        },
      },
    ],
  };
}

/** The smallest gap between distinct values (the grid step); Infinity with one value. */
function spacing(values: readonly number[]): number {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  let gap = Infinity;
  for (let i = 1; i < sorted.length; i++) gap = Math.min(gap, sorted[i]! - sorted[i - 1]!);
  return gap;
}

function within(v: number, [lo, hi]: Domain): boolean {
  return v >= lo && v <= hi;
}

function padded(values: readonly number[], pad: number): Domain {
  return [Math.min(...values) - pad / 2, Math.max(...values) + pad / 2];
}
