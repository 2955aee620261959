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

/** A float table behind the Dataset interface; `table` holds its arrays (shared by every subset). */
export interface TableSource extends Dataset {
  readonly table: TableData;
  subset(indices: ArrayLike<number>): TableSource;
  /** The rows of `table` this view holds, in order. */
  rowNumbers(): Int32Array;
}

/**
 * Rows of float features with class-index or float targets (a CSV, a JSON array, a synthetic set)
 * as a Dataset. Rows are kept as float32 (4 bytes a cell: a 1,000,000 × 20 table is 80 MB) and
 * copied into the batch buffer, converted to its dtype. `subset` makes a view (row numbers into
 * the same arrays, 4 bytes a row), so a train/validation/test split copies no cells.
 * Shapes: x (count, features), t (count) or (count, width) → batches (n, features), (n) or (n, width).
 * @example
 * const ds = tableDataset({ x: Float32Array.of(1, 2, 3, 4), t: Int32Array.of(0, 1), count: 2, features: 2, target: { kind: 'class', classes: 2 } });
 * ds.subset([1]).count; // 1
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
  return tableView(table, null, width);
}

/** The rows `map` (all rows when null) of a table, as a Dataset. */
function tableView(table: TableData, map: Int32Array | null, width: number): TableSource {
  const { x: rows, t: targets, features, target } = table;
  const count = map === null ? table.count : map.length;
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
      const td = t instanceof Int32Array ? t : t.data;
      if (td.length < n * width || t instanceof Int32Array !== (target.kind === 'class')) {
        throw new RangeError(
          `tableDataset.fillBatch: t must be ${target.kind === 'class' ? 'an Int32Array' : 'a float tensor'} of ≥ ${n * width} values`,
        );
      }
      const xd = x.data;
      for (let i = 0; i < n; i++) {
        const k = map === null ? indices[i] : map[indices[i]];
        const from = k * features;
        for (let j = 0; j < features; j++) xd[i * features + j] = rows[from + j];
        for (let j = 0; j < width; j++) td[i * width + j] = targets[k * width + j];
      }
    },
    subset(indices: ArrayLike<number>): TableSource {
      const sub = new Int32Array(indices.length);
      for (let i = 0; i < indices.length; i++) {
        const k = indices[i];
        if (!Number.isInteger(k) || k < 0 || k >= count) {
          throw new RangeError(
            `tableDataset.subset: indices[${i}] is ${k}, expected 0..${count - 1}`,
          );
        }
        sub[i] = map === null ? k : map[k];
      }
      return tableView(table, sub, width);
    },
    rowNumbers(): Int32Array {
      return map ?? Int32Array.from({ length: count }, (_, i) => i);
    },
  };
}
