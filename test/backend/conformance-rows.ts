import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Backend, DType } from '../../src/backend/backend.js';
import { createRng } from '../../src/tensor/rng.js';
import {
  assertClose,
  assertCloseScalar,
  guardedPair,
  normals,
  pair,
  refOf,
} from './conformance-helpers.js';
import { SIZES } from './conformance-elementwise.js';

/** (rows, cols): odd widths around the SIMD lanes and the batch shapes of 784-50-10. */
const ROW_SHAPES: readonly (readonly [number, number])[] = [
  [1, 1],
  [1, 2],
  [3, 3],
  [2, 5],
  [7, 7],
  [5, 17],
  [3, 33],
  [100, 10],
  [100, 50],
  [10, 784],
];

/** sum, sumAxis0, softmaxRows, the fused softmax cross-entropy pair and argmaxRows. */
export function rowsConformance(getCand: () => Backend, ref: Backend, dtype: DType): void {
  const rng = createRng(23);

  it('sum and sumAxis0 match the reference (float64 accumulation)', () => {
    const cand = getCand();
    for (const n of SIZES) {
      const x = pair(cand, ref, dtype, normals(rng, n, 10));
      const scale = ref.sum(refOf(ref, x.ref.data.map(Math.abs)));
      assertCloseScalar(cand.sum(x.cand), ref.sum(x.ref), 'float64', `sum ${dtype} n=${n}`, scale);
    }
    for (const [rows, cols] of ROW_SHAPES) {
      const x = pair(cand, ref, dtype, normals(rng, rows * cols, 10));
      const out = guardedPair(cand, ref, dtype, new Float64Array(cols));
      const scale = refOf(ref, new Float64Array(cols));
      ref.sumAxis0(rows, cols, refOf(ref, x.ref.data.map(Math.abs)), scale);
      cand.sumAxis0(rows, cols, x.cand, out.cand);
      ref.sumAxis0(rows, cols, x.ref, out.ref);
      assertClose(out.cand.data, out.ref.data, dtype, `sumAxis0 ${dtype} ${rows}×${cols}`, {
        scale: scale.data,
      });
    }
  });

  it('softmaxRows matches the reference, rows with huge logits and in place too', () => {
    const cand = getCand();
    for (const [rows, cols] of ROW_SHAPES) {
      // Row r is shifted by ±1000·r: without subtracting the max, exp would overflow.
      const values = normals(rng, rows * cols, 4).map(
        (v, i) => v + ((Math.floor(i / cols) % 3) - 1) * 1000,
      );
      const x = pair(cand, ref, dtype, values);
      const y = guardedPair(cand, ref, dtype, new Float64Array(rows * cols));
      ref.softmaxRows(rows, cols, x.ref, y.ref);
      cand.softmaxRows(rows, cols, x.cand, y.cand);
      assertClose(y.cand.data, y.ref.data, dtype, `softmaxRows ${dtype} ${rows}×${cols}`);
      y.assertGuards(`softmaxRows ${dtype} ${rows}×${cols}`);
      cand.softmaxRows(rows, cols, x.cand, x.cand);
      assertClose(x.cand.data, y.ref.data, dtype, `softmaxRows ${dtype} ${rows}×${cols} in place`);
    }
  });

  it('softmaxCrossEntropy and its backward match the reference', () => {
    const cand = getCand();
    for (const [rows, cols] of ROW_SHAPES) {
      const x = pair(cand, ref, dtype, normals(rng, rows * cols, 5));
      const labels = Int32Array.from({ length: rows }, () => rng.int(cols));
      const y = pair(cand, ref, dtype, new Float64Array(rows * cols));
      const label = `softmaxCrossEntropy ${dtype} ${rows}×${cols}`;
      const want = ref.softmaxCrossEntropy(rows, cols, x.ref, labels, y.ref);
      const got = cand.softmaxCrossEntropy(rows, cols, x.cand, labels, y.cand);
      assertClose(y.cand.data, y.ref.data, dtype, `${label} y`);
      // Each row's −ln y is off by about rtol (y's relative error), so the sum by rows·rtol.
      assertCloseScalar(got, want, dtype, `${label} loss`, Math.abs(want) + rows);
      const scale = 1 / rows;
      const dx = guardedPair(cand, ref, dtype, new Float64Array(rows * cols));
      const yIn = pair(cand, ref, dtype, y.cand.data);
      ref.softmaxCrossEntropyBackward(rows, cols, yIn.ref, labels, scale, dx.ref);
      cand.softmaxCrossEntropyBackward(rows, cols, yIn.cand, labels, scale, dx.cand);
      // y·scale − scale cancels where y ≈ 1: measure the error against |scale|, the terms' size.
      const terms = new Float64Array(rows * cols).fill(scale);
      assertClose(dx.cand.data, dx.ref.data, dtype, `${label} backward`, { scale: terms });
      dx.assertGuards(`${label} backward`);
    }
  });

  it('argmaxRows returns the first index of each row maximum', () => {
    const cand = getCand();
    for (const [rows, cols] of ROW_SHAPES) {
      const x = pair(cand, ref, dtype, normals(rng, rows * cols));
      const got = new Int32Array(rows);
      const want = new Int32Array(rows);
      cand.argmaxRows(rows, cols, x.cand, got);
      ref.argmaxRows(rows, cols, x.ref, want);
      assert.deepEqual([...got], [...want], `argmaxRows ${dtype} ${rows}×${cols}`);
    }
    const ties = pair(cand, ref, dtype, [1, 3, 3, 2, 0, 0, 0, 0, 0, NaN, 5, 5]);
    const got = new Int32Array(3);
    cand.argmaxRows(3, 4, ties.cand, got);
    assert.deepEqual([...got], [1, 0, 2], 'ties go to the first index; a NaN is never larger');
  });
}
