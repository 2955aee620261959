import type { FlatGrid } from './grid.js';

/** One straight piece of a level line, inside one grid cell. */
export interface ContourSegment {
  level: number;
  x: number;
  y: number;
  x2: number;
  y2: number;
}

/**
 * `count` contour levels strictly inside (min, max): evenly spaced, or evenly spaced in log10
 * (for functions whose values span decades, such as the Rosenbrock valley).
 * @example
 * contourLevels(0, 10, 4, 'linear'); // → [2, 4, 6, 8]
 * contourLevels(1, 1000, 2, 'log'); // → [10, 100]
 */
export function contourLevels(
  min: number,
  max: number,
  count: number,
  scale: 'linear' | 'log',
): number[] {
  const lo = scale === 'log' ? Math.log10(min) : min;
  const hi = scale === 'log' ? Math.log10(max) : max;
  return Array.from({ length: count }, (_, k) => {
    const v = lo + ((hi - lo) * (k + 1)) / (count + 1);
    return scale === 'log' ? 10 ** v : v;
  });
}

/**
 * Marching squares: the level set z = c of a sampled function, as straight segments.
 *
 * In each cell the line crosses every edge whose ends lie on opposite sides of c (z ≥ c counts
 * as above), at the linearly interpolated point. A saddle cell (four crossings) is resolved by
 * the cell's mean: the corners on the other side of the mean get cut off. Cells with a
 * non-finite corner are skipped.
 *
 * Shapes: grid z (ny · nx) → up to 2 segments per cell and level.
 * @example
 * contourSegments({ x0: [0, 1], x1: [0, 1], z: Float64Array.of(0, 1, 0, 1) }, [0.5]);
 * // [{ level: 0.5, x: 0.5, y: 0, x2: 0.5, y2: 1 }]
 */
export function contourSegments(grid: FlatGrid, levels: readonly number[]): ContourSegment[] {
  const { x0, x1, z } = grid;
  const nx = x0.length;
  const out: ContourSegment[] = [];
  for (let j = 0; j + 1 < x1.length; j++) {
    for (let i = 0; i + 1 < nx; i++) {
      // Corners counter-clockwise from (x0[i], x1[j]).
      const xs = [x0[i]!, x0[i + 1]!, x0[i + 1]!, x0[i]!];
      const ys = [x1[j]!, x1[j]!, x1[j + 1]!, x1[j + 1]!];
      const zs = [
        z[j * nx + i]!,
        z[j * nx + i + 1]!,
        z[(j + 1) * nx + i + 1]!,
        z[(j + 1) * nx + i]!,
      ];
      if (!zs.every(Number.isFinite)) continue;
      for (const c of levels) {
        const points: [number, number][] = [];
        for (const [a, b] of EDGES) {
          if (zs[a]! >= c !== zs[b]! >= c) {
            const t = (c - zs[a]!) / (zs[b]! - zs[a]!);
            points.push([xs[a]! + t * (xs[b]! - xs[a]!), ys[a]! + t * (ys[b]! - ys[a]!)]);
          }
        }
        if (points.length === 2) {
          out.push(segment(c, points[0]!, points[1]!));
        } else if (points.length === 4) {
          // Crossings sit on edges 0..3, so pairing (0,1)(2,3) cuts off corners 1 and 3,
          // pairing (3,0)(1,2) cuts off corners 0 and 2.
          const centreAbove = (zs[0]! + zs[1]! + zs[2]! + zs[3]!) / 4 >= c;
          const cutOdd = centreAbove === zs[0]! >= c;
          const [p, q, r, s] = points as [
            [number, number],
            [number, number],
            [number, number],
            [number, number],
          ];
          if (cutOdd) out.push(segment(c, p, q), segment(c, r, s));
          else out.push(segment(c, s, p), segment(c, q, r));
        }
      }
    }
  }
  return out;
}

/**
 * Cell edges bottom, right, top, left as corner pairs, each run left→right or bottom→top: the
 * two cells that share an edge then interpolate it identically, so level lines join exactly.
 */
const EDGES: readonly (readonly [number, number])[] = [
  [0, 1],
  [1, 2],
  [3, 2],
  [0, 3],
];

function segment(
  level: number,
  [x, y]: [number, number],
  [x2, y2]: [number, number],
): ContourSegment {
  return { level, x, y, x2, y2 };
}
