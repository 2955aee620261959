import type { Tensor } from '../tensor/tensor.js';
import type { BatchTargets, Dataset, TargetInfo } from './batch-source.js';
import { checkRowIndices } from './batch-source.js';

/** The arrays of a table: row-major float32 features and one target per row. */
export interface TableData {
  /** count × features floats, row-major. */
  readonly x: Float32Array;
  /** Class indices (class targets) or count × width floats (value targets). */
  readonly t: Int32Array | Float32Array;
  readonly count: number;
  readonly features: number;
  readonly target: TargetInfo;
}

/** A float table behind the Dataset interface; `table` holds its arrays. */
export interface TableSource extends Dataset {
  readonly table: TableData;
  subset(indices: ArrayLike<number>): TableSource;
}

/**
 * Rows of float features with class-index or float targets (a CSV, a JSON array, a synthetic set)
 * as a Dataset. Rows are kept as float32 (4 bytes a cell: a 1,000,000 × 20 table is 80 MB) and
 * copied into the batch buffer, converted to its dtype.
 * Shapes: x (count, features), t (count) or (count, width) → batches (n, features), (n) or (n, width).
 * @example
 * const ds = tableDataset({ x: Float32Array.of(1, 2, 3, 4), t: Int32Array.of(0, 1), count: 2, features: 2, target: { kind: 'class', classes: 2 } });
 * ds.count; // 2
 */
export function tableDataset(table: TableData): TableSource {
  const { x: rows, t: targets, count, features, target } = table;
  const width = target.kind === 'class' ? 1 : target.width;
  if (rows.length !== count * features) {
    throw new RangeError(
      `tableDataset: x holds ${rows.length} floats, expected ${count} × ${features}`,
    );
  }
  if (targets.length !== count * width) {
    throw new RangeError(
      `tableDataset: t holds ${targets.length} values, expected ${count * width}`,
    );
  }
  if ((target.kind === 'class') !== targets instanceof Int32Array) {
    throw new RangeError(
      'tableDataset: class targets are an Int32Array, value targets a Float32Array',
    );
  }
  return {
    table,
    count,
    features,
    target,
    fillBatch(indices: Int32Array, n: number, x: Tensor, t: BatchTargets): void {
      checkRowIndices('tableDataset.fillBatch', indices, n, count);
      if (x.size < n * features) {
        throw new RangeError(
          `tableDataset.fillBatch: x has ${x.size} slots, need ${n} × ${features}`,
        );
      }
      const xd = x.data;
      for (let i = 0; i < n; i++) {
        const from = indices[i] * features;
        for (let j = 0; j < features; j++) xd[i * features + j] = rows[from + j];
      }
      const td = t instanceof Int32Array ? t : t.data;
      if (td.length < n * width || t instanceof Int32Array !== (target.kind === 'class')) {
        throw new RangeError(
          `tableDataset.fillBatch: t must be ${target.kind === 'class' ? 'an Int32Array' : 'a float tensor'} of ≥ ${n * width} values`,
        );
      }
      for (let i = 0; i < n; i++) {
        const from = indices[i] * width;
        for (let j = 0; j < width; j++) td[i * width + j] = targets[from + j];
      }
    },
    subset(indices: ArrayLike<number>): TableSource {
      const m = indices.length;
      const x = new Float32Array(m * features);
      const t = target.kind === 'class' ? new Int32Array(m) : new Float32Array(m * width);
      for (let i = 0; i < m; i++) {
        const k = indices[i];
        if (!Number.isInteger(k) || k < 0 || k >= count) {
          throw new RangeError(
            `tableDataset.subset: indices[${i}] is ${k}, expected 0..${count - 1}`,
          );
        }
        x.set(rows.subarray(k * features, (k + 1) * features), i * features);
        t.set(targets.subarray(k * width, (k + 1) * width), i * width);
      }
      return tableDataset({ x, t, count: m, features, target });
    },
  };
}
