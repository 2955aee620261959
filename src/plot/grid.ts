import { PlotInputError } from './plot-error.js';

/**
 * Samples of z = f(x0, x1) on a rectangular grid, laid out like NumPy's meshgrid and matplotlib's
 * contour(X, Y, Z): row j holds x1[j], column i holds x0[i], so z[j][i] = f(x0[i], x1[j]).
 * `z` may also be flat, row-major: z[j · x0.length + i].
 *
 * Shapes: x0 (nx), x1 (ny), z (ny, nx) or (ny · nx); both axes strictly increasing.
 */
export interface Grid2D {
  x0: ArrayLike<number>;
  x1: ArrayLike<number>;
  z: ArrayLike<number> | readonly ArrayLike<number>[];
}

/** A checked grid with a flat row-major copy of z. */
export interface FlatGrid {
  x0: readonly number[];
  x1: readonly number[];
  /** z[j · nx + i] = f(x0[i], x1[j]). */
  z: Float64Array;
}

/**
 * Validates a grid (sizes, increasing axes, at least 2 × 2) and flattens z.
 * @example
 * flattenGrid({ x0: [0, 1], x1: [0, 1], z: [[0, 1], [1, 2]] }).z; // → [0, 1, 1, 2]
 */
export function flattenGrid(grid: Grid2D, where: string): FlatGrid {
  const x0 = Array.from(grid.x0);
  const x1 = Array.from(grid.x1);
  const nx = x0.length;
  const ny = x1.length;
  for (const [axis, values] of [
    ['x0', x0],
    ['x1', x1],
  ] as const) {
    if (
      values.length < 2 ||
      values.some((v, i) => !Number.isFinite(v) || (i > 0 && v <= values[i - 1]!))
    ) {
      throw new PlotInputError(
        `${where}: grid.${axis}: expected ≥ 2 finite, strictly increasing values, found [${values.slice(0, 6).join(', ')}${values.length > 6 ? ', …' : ''}]`,
      );
    }
  }
  const z = new Float64Array(nx * ny);
  const rows = grid.z;
  if (rows.length === ny && typeof rows[0] === 'object') {
    for (let j = 0; j < ny; j++) {
      const row = (rows as readonly ArrayLike<number>[])[j]!;
      if (row.length !== nx) {
        throw new PlotInputError(
          `${where}: grid.z[${j}]: expected ${nx} values (x0.length), found ${row.length}`,
        );
      }
      for (let i = 0; i < nx; i++) z[j * nx + i] = row[i]!;
    }
  } else if (rows.length === nx * ny && typeof rows[0] === 'number') {
    z.set(rows as ArrayLike<number>);
  } else {
    throw new PlotInputError(
      `${where}: grid.z: expected ${ny} rows of ${nx} values or ${nx * ny} flat values, found length ${rows.length}`,
    );
  }
  return { x0, x1, z };
}
