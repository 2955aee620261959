import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Backend, DType } from '../../src/backend/backend.js';
import { createRng } from '../../src/tensor/rng.js';
import { rowNonzeros } from '../../src/tensor/ops/row-nonzeros.js';
import { assertClose, guardedPair, normals, pair, refOf } from './conformance-helpers.js';

/** (rows, n, k): odd sizes around the SIMD widths, and the first layer of 784-50-10 at batch 100. */
const SHAPES: readonly (readonly [number, number, number])[] = [
  [1, 1, 1],
  [3, 5, 7],
  [5, 17, 9],
  [7, 16, 33],
  [9, 33, 12],
  [100, 50, 784],
];

/**
 * sparseRowsGemm (both products) against the reference's dense gemm on the same x: rows drawn
 * from a byte matrix with 80% zeros (and an all-zero row), by ids that repeat and skip rows.
 */
export function sparseConformance(getCand: () => Backend, ref: Backend, dtype: DType): void {
  it('sparseRowsGemm matches dense gemm for x·b and xᵀ·b, with and without accumulate', () => {
    const cand = getCand();
    if (cand.sparseRowsGemm === undefined || cand.allocRowIndex === undefined) return;
    const rng = createRng(11);
    for (const [rows, n, k] of SHAPES) {
      const sourceRows = rows + 3;
      const bytes = Uint8Array.from({ length: sourceRows * k }, (_, i) =>
        i < k || rng.next() < 0.8 ? 0 : 1 + Math.floor(rng.next() * 255),
      );
      const nz = rowNonzeros(bytes, k);
      const index = cand.allocRowIndex(nz.offsets, nz.columns, k);
      const ids = Int32Array.from({ length: rows }, (_, r) => (r * 7 + (r % 2)) % sourceRows);
      const xs = new Float64Array(rows * k);
      ids.forEach((id, r) => {
        for (let c = 0; c < k; c++) xs[r * k + c] = bytes[id * k + c] / 255;
      });
      const x = pair(cand, ref, dtype, xs);
      for (const transA of [false, true]) {
        for (const accumulate of [false, true]) {
          const label = `sparseRowsGemm ${dtype} transA=${transA} rows=${rows} n=${n} k=${k} accumulate=${accumulate}`;
          const [outRows, bRows] = transA ? [k, rows] : [rows, k];
          const b = pair(cand, ref, dtype, normals(rng, bRows * n));
          const c = guardedPair(cand, ref, dtype, normals(rng, outRows * n));
          const abs = (v: ArrayLike<number>) => refOf(ref, Float64Array.from(v, Math.abs));
          const scale = abs(c.ref.data);
          ref.gemm(
            transA,
            false,
            outRows,
            n,
            bRows,
            abs(x.ref.data),
            abs(b.ref.data),
            scale,
            accumulate,
          );
          const done: boolean = cand.sparseRowsGemm(
            transA,
            rows,
            n,
            k,
            index,
            ids,
            x.cand,
            b.cand,
            c.cand,
            accumulate,
          );
          assert.equal(done, true, `${label}: finite b is done`);
          ref.gemm(transA, false, outRows, n, bRows, x.ref, b.ref, c.ref, accumulate);
          assertClose(c.cand.data, c.ref.data, dtype, label, { scale: scale.data });
          c.assertGuards(label);
        }
      }
    }
  });

  it('sparseRowsGemm declines b with ∞ or NaN (0·∞ = NaN is gemm’s), and refuses bad ids', () => {
    const cand = getCand();
    if (cand.sparseRowsGemm === undefined || cand.allocRowIndex === undefined) return;
    const index = cand.allocRowIndex(Int32Array.of(0, 1, 2), Uint16Array.of(0, 2), 3);
    const x = cand.alloc(dtype, 6);
    x.data.set([1, 0, 0, 0, 0, 1]);
    const b = cand.alloc(dtype, 6);
    b.data.set([1, 2, Infinity, 4, 5, 6]);
    const out = cand.alloc(dtype, 9);
    for (const accumulate of [false, true]) {
      assert.equal(
        cand.sparseRowsGemm(false, 2, 2, 3, index, Int32Array.of(0, 1), x, b, out, accumulate),
        false,
      );
      assert.equal(
        cand.sparseRowsGemm(true, 2, 3, 3, index, Int32Array.of(0, 1), x, b, out, accumulate),
        false,
      );
    }
    b.data[2] = 3;
    assert.equal(
      cand.sparseRowsGemm(false, 2, 2, 3, index, Int32Array.of(0, 1), x, b, out, false),
      true,
    );
    assert.deepEqual([...out.data.subarray(0, 4)], [1, 2, 5, 6]);
    assert.throws(
      () => cand.sparseRowsGemm!(false, 2, 2, 3, index, Int32Array.of(0, 2), x, b, out, false),
      /ids/,
    );
    assert.throws(
      () => cand.allocRowIndex!(Int32Array.of(0, 2), Uint16Array.of(2, 1), 3),
      /ascending/,
    );
    assert.throws(
      () => cand.allocRowIndex!(Int32Array.of(0, 1), Uint16Array.of(3), 3),
      /ascending within 0..2/,
    );
  });
}
