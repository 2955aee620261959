import type { ScaleKind } from './chart-frame.js';
import type { FlatGrid } from './grid.js';

/**
 * Cell edges for grid points: midpoints between neighbours, and the end points themselves at the
 * ends, so the cells tile exactly [first, last] and each grid value is the centre of its cell.
 * @example
 * cellEdges([0, 1, 3]); // → [0, 0.5, 2, 3]
 */
export function cellEdges(values: readonly number[]): number[] {
  const edges = [values[0]!];
  for (let i = 1; i < values.length; i++) edges.push((values[i - 1]! + values[i]!) / 2);
  edges.push(values[values.length - 1]!);
  return edges;
}

/**
 * A Vega-Lite `rect` layer colouring each grid cell by z (light 'blues' scheme, so level lines
 * and overlaid paths stay visible), with rows { x, x2, y, y2, z } on the `fill` channel.
 * Cells with a non-finite z are left out.
 * @example
 * heatmapLayer(flattenGrid({ x0: [0, 1], x1: [0, 1], z: [[0, 1], [1, 2]] }, 'demo'), 'linear', 'f');
 * // { data: { values: [{ x: 0, x2: 0.55, y: 0, y2: 0.55, z: 0 }, …] }, mark: { type: 'rect' }, … }
 * // not run: flattenGrid is internal to the plot module
 */
export function heatmapLayer(grid: FlatGrid, zScale: ScaleKind, title: string) {
  const ex = cellEdges(grid.x0);
  const ey = cellEdges(grid.x1);
  const nx = grid.x0.length;
  const rows: { x: number; x2: number; y: number; y2: number; z: number }[] = [];
  for (let j = 0; j < grid.x1.length; j++) {
    for (let i = 0; i < nx; i++) {
      const z = grid.z[j * nx + i]!;
      if (!Number.isFinite(z)) continue;
      // Each cell overlaps its right and upper neighbours by 10 %: abutting rects leave hairline
      // anti-aliasing seams in the PNG. The overlap past the last row/column is clipped.
      const x2 = ex[i + 1]! + 0.1 * (ex[i + 1]! - ex[i]!);
      const y2 = ey[j + 1]! + 0.1 * (ey[j + 1]! - ey[j]!);
      rows.push({ x: ex[i]!, x2, y: ey[j]!, y2, z });
    }
  }
  return {
    data: { values: rows },
    // aria: false drops a per-cell aria-label that would double the SVG's size.
    mark: { type: 'rect' as const, strokeWidth: 0, clip: true, aria: false },
    encoding: {
      x2: { field: 'x2' },
      y2: { field: 'y2' },
      fill: {
        field: 'z',
        type: 'quantitative' as const,
        title,
        scale: { type: zScale, scheme: 'blues', zero: false },
        legend: { gradientLength: 200 },
      },
    },
  };
}
