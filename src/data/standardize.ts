import type { TableData } from './table-dataset.js';

/** Per-feature scaling: x' = (x − mean) / std. */
export interface Scaling {
  readonly mean: readonly number[];
  readonly std: readonly number[];
}

/**
 * The mean and standard deviation of each feature over the given rows (the training split), in
 * float64; a constant feature gets std 1 so that it maps to 0 instead of NaN.
 *   meanⱼ = Σᵢ xᵢⱼ / n,  stdⱼ = √(Σᵢ (xᵢⱼ − meanⱼ)² / n).
 * Shapes: table x (count, features), rows (n) → mean, std (features).
 * @example
 * fitScaling({ x: Float32Array.of(1, 3), t: new Float32Array(2), count: 2, features: 1, target: { kind: 'value', width: 1 } }, Int32Array.of(0, 1));
 * // { mean: [2], std: [1] }
 */
export function fitScaling(table: TableData, rows: Int32Array): Scaling {
  const d = table.features;
  const mean = new Float64Array(d);
  const sq = new Float64Array(d);
  for (const r of rows) for (let j = 0; j < d; j++) mean[j] += table.x[r * d + j];
  for (let j = 0; j < d; j++) mean[j] /= Math.max(rows.length, 1);
  for (const r of rows) {
    for (let j = 0; j < d; j++) {
      const e = table.x[r * d + j] - mean[j];
      sq[j] += e * e;
    }
  }
  const std = Array.from(sq, (s) => {
    const v = Math.sqrt(s / Math.max(rows.length, 1));
    return v > 0 ? v : 1;
  });
  return { mean: Array.from(mean), std };
}

/**
 * Applies a scaling to every row of a table, in place (no second copy of a large table).
 * Shapes: x (count, features) → the same array, scaled.
 * @example
 * scaleInPlace(table, { mean: [2], std: [1] }); // x = [-1, 1] (not run: needs a table)
 */
export function scaleInPlace(table: TableData, scaling: Scaling): void {
  const d = table.features;
  if (scaling.mean.length !== d || scaling.std.length !== d) {
    throw new RangeError(
      `scaleInPlace: the scaling has ${scaling.mean.length} features, the table ${d}`,
    );
  }
  const x = table.x;
  for (let i = 0; i < x.length; i += d) {
    for (let j = 0; j < d; j++) x[i + j] = (x[i + j] - scaling.mean[j]) / scaling.std[j];
  }
}
