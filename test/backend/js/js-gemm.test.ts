import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsGemm } from '../../../src/backend/js/js-gemm.js';
import { createRng } from '../../../src/tensor/rng.js';

type Arr = Float32Array | Float64Array;

/** c[i, j] = Σₚ op(a)[i, p]·op(b)[p, j] written out, in float64, with explicit transposes. */
function naive(
  tA: boolean,
  tB: boolean,
  m: number,
  n: number,
  k: number,
  a: Arr,
  b: Arr,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++)
        s += (tA ? a[p * m + i] : a[i * k + p]) * (tB ? b[j * k + p] : b[p * n + j]);
      out.push(s);
    }
  }
  return out;
}

const PAIRS = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
] as const;

test('every transpose pair matches the written-out sum, on sizes that are not multiples of 4', () => {
  const rng = createRng(5);
  for (const [m, n, k] of [
    [1, 1, 1],
    [3, 5, 7],
    [17, 2, 9],
    [4, 33, 1],
  ]) {
    for (const [tA, tB] of PAIRS) {
      const a = Float64Array.from({ length: m * k }, () => rng.normal());
      const b = Float64Array.from({ length: k * n }, () => rng.normal());
      const c = new Float64Array(m * n).fill(99);
      jsGemm(tA, tB, m, n, k, a, b, c, false);
      const want = naive(tA, tB, m, n, k, a, b);
      want.forEach((w, i) =>
        assert.ok(
          Math.abs(c[i] - w) <= 1e-13 * (1 + Math.abs(w)),
          `${m}×${n}×${k} ${tA} ${tB} [${i}]`,
        ),
      );
    }
  }
});

test('accumulate adds the product to c instead of overwriting it', () => {
  for (const [tA, tB] of PAIRS) {
    const c = Float64Array.of(10, 20, 30, 40);
    // op(a) = op(b) = the 2×2 identity, whatever the transposes.
    jsGemm(tA, tB, 2, 2, 2, Float64Array.of(1, 0, 0, 1), Float64Array.of(1, 0, 0, 1), c, true);
    assert.deepEqual(Array.from(c), [11, 20, 30, 41], `${tA} ${tB}`);
  }
});

test('a float32 result is the float64 sum rounded once', () => {
  const rng = createRng(6);
  const [m, n, k] = [3, 4, 200];
  for (const [tA, tB] of PAIRS) {
    const a = Float32Array.from({ length: m * k }, () => rng.normal());
    const b = Float32Array.from({ length: k * n }, () => rng.normal());
    const c = new Float32Array(m * n);
    jsGemm(tA, tB, m, n, k, a, b, c, false);
    const want = naive(tA, tB, m, n, k, a, b).map(Math.fround);
    // The same float64 terms in another order can differ in the last bits of float64, never by a float32 ulp.
    want.forEach((w, i) =>
      assert.ok(Math.abs(c[i] - w) <= 2 ** -23 * Math.abs(w), `${tA} ${tB} [${i}]`),
    );
  }
});

test('0·∞ and NaN reach the result in every path, zeros in a included', () => {
  for (const [tA, tB] of PAIRS) {
    const c = new Float64Array(1);
    jsGemm(tA, tB, 1, 1, 2, Float64Array.of(0, 1), Float64Array.of(Infinity, 2), c, false);
    assert.ok(Number.isNaN(c[0]), `0·∞ ${tA} ${tB}: ${c[0]}`);
    jsGemm(tA, tB, 1, 1, 2, Float64Array.of(0, 1), Float64Array.of(Number.NaN, 2), c, false);
    assert.ok(Number.isNaN(c[0]), `0·NaN ${tA} ${tB}`);
    jsGemm(tA, tB, 1, 1, 2, Float64Array.of(0, 1), Float64Array.of(5, 2), c, false);
    assert.equal(c[0], 2, `skipped zero ${tA} ${tB}`);
  }
});
