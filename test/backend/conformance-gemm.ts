import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Backend, DType } from '../../src/backend/backend.js';
import { createRng } from '../../src/tensor/rng.js';
import { assertClose, guardedPair, normals, pair, refOf } from './conformance-helpers.js';

/**
 * (m, n, k): odd sizes around the SIMD widths, k = 0, m beyond one packed block of rows (the
 * WASM gemm packs 128 rows at a time), and the training shapes of 784-50-10.
 */
const SHAPES: readonly (readonly [number, number, number])[] = [
  [1, 1, 1],
  [1, 7, 3],
  [3, 5, 7],
  [5, 17, 1],
  [7, 3, 33],
  [17, 33, 5],
  [33, 1, 17],
  [4, 8, 16],
  [9, 12, 2],
  [8, 13, 9],
  [12, 7, 5],
  [6, 15, 4],
  [3, 5, 0],
  [257, 13, 17],
  [100, 10, 50],
  [100, 50, 784],
];

/**
 * gemm against the float64 reference for every shape, transpose pair and accumulate flag, with
 * op(a) dense and with op(a) 80% zeros (as images are: a kernel may skip steps of zeros).
 */
export function gemmConformance(getCand: () => Backend, ref: Backend, dtype: DType): void {
  it('gemm matches the reference for every transpose and accumulate combination, dense and sparse', () => {
    const cand = getCand();
    const rng = createRng(7);
    const cases = SHAPES.flatMap((shape) => [0, 0.8].map((zeros) => [...shape, zeros] as const));
    for (const [m, n, k, zeros] of cases) {
      for (const transA of [false, true]) {
        for (const transB of [false, true]) {
          for (const accumulate of [false, true]) {
            const label = `gemm ${dtype} ${transA ? 'T' : 'N'}${transB ? 'T' : 'N'} m=${m} n=${n} k=${k} accumulate=${accumulate} zeros=${zeros}`;
            const a = pair(
              cand,
              ref,
              dtype,
              normals(rng, m * k).map((v) => (rng.next() < zeros ? 0 : v)),
            );
            const b = pair(cand, ref, dtype, normals(rng, k * n));
            const c = guardedPair(cand, ref, dtype, normals(rng, m * n));
            // Σ|a||b| (+|c|) per element: the scale of the rounding error, whatever cancels.
            const abs = (p: typeof a) => refOf(ref, p.ref.data.map(Math.abs));
            const scale = abs(c);
            ref.gemm(transA, transB, m, n, k, abs(a), abs(b), scale, accumulate);
            cand.gemm(transA, transB, m, n, k, a.cand, b.cand, c.cand, accumulate);
            ref.gemm(transA, transB, m, n, k, a.ref, b.ref, c.ref, accumulate);
            assertClose(c.cand.data, c.ref.data, dtype, label, { scale: scale.data });
            c.assertGuards(label);
            for (const s of [a.cand, b.cand, c.cand]) cand.release(s);
          }
        }
      }
    }
  });

  it('gemm keeps 0·∞ = NaN: ∞ and NaN in b reach c through zeros of op(a)', () => {
    const cand = getCand();
    const rng = createRng(8);
    for (const [m, n, k] of [
      [4, 8, 3],
      [5, 9, 6],
      [8, 4, 7],
    ] as const) {
      for (const transA of [false, true]) {
        const label = `gemm ${dtype} ${transA ? 'T' : 'N'}N m=${m} n=${n} k=${k} with ∞ and NaN in b`;
        const a = pair(
          cand,
          ref,
          dtype,
          normals(rng, m * k).map((v, i) => (i % 3 === 0 ? v : 0)),
        );
        const b = pair(
          cand,
          ref,
          dtype,
          normals(rng, k * n).map((v, i) => (i === 1 ? Infinity : i === n + 2 ? NaN : v)),
        );
        const c = pair(cand, ref, dtype, new Float64Array(m * n));
        cand.gemm(transA, false, m, n, k, a.cand, b.cand, c.cand, false);
        ref.gemm(transA, false, m, n, k, a.ref, b.ref, c.ref, false);
        assertClose(c.cand.data, c.ref.data, dtype, label, { scale: c.ref.data.map(() => 100) });
        assert.ok(c.ref.data.some(Number.isNaN), `${label}: the reference has NaN entries`);
      }
    }
  });
}
