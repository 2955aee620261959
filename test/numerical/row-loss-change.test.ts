import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addScoreChanges,
  expNear0,
  expSeries,
  logNear1,
  rowLossChange,
  rowLossChangeSeries,
  SERIES_RADIUS,
} from '../../src/numerical/row-loss-change.js';
import { createRng } from '../../src/tensor/index.js';

/** |a − b| / |b| */
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

/** −log(softmax(s)[t] + 1e-7), the book's row loss, computed plainly. */
function rowLoss(s: readonly number[], t: number): number {
  const max = Math.max(...s);
  const e = s.map((v) => Math.exp(v - max));
  return -Math.log(e[t] / e.reduce((a, b) => a + b, 0) + 1e-7);
}

/** A row of C = 6 scores, its E = exp(s − max s), and a direction w. */
function row(seed: number): { s: number[]; E: Float64Array; w: Float64Array } {
  const rng = createRng(seed);
  const s = Array.from({ length: 6 }, () => 2 * rng.normal());
  const max = Math.max(...s);
  return {
    s,
    E: Float64Array.from(s, (v) => Math.exp(v - max)),
    w: Float64Array.from({ length: 6 }, () => rng.normal()),
  };
}

test('expNear0 equals Math.exp to 2 ulp inside 2⁻⁷ and is Math.exp outside', () => {
  for (const u of [0, 1e-12, -3e-6, 1e-4, -2e-3, 0.0078, -0.0078]) {
    assert.ok(rel(expNear0(u), Math.exp(u)) <= 2.3e-16, `u = ${u}`);
  }
  for (const u of [SERIES_RADIUS, -0.5, 3]) assert.equal(expNear0(u), Math.exp(u));
});

test('logNear1 equals Math.log to 1e-15 relative near 1 and is Math.log elsewhere', () => {
  for (const r of [1 + 1e-12, 1 - 3e-7, 1 + 4e-4, 1 - 9e-4]) {
    assert.ok(rel(logNear1(r), Math.log(r)) < 1e-15, `r = ${r}`);
  }
  assert.equal(logNear1(1), 0);
  for (const r of [1.01, 0.5, 7]) assert.equal(logNear1(r), Math.log(r));
});

test('the series of Σₖ Eₖ·e^(d·wₖ) equals the direct sum to 1e-15 relative for |d·w| < 2⁻⁷', () => {
  const { E, w } = row(1);
  const c = expSeries(E, 0, w, 0, 6, new Float64Array(7));
  const wMax = Math.max(...Array.from(w, Math.abs));
  for (const d of [0, 1e-4, -3e-5, 0.9 * (SERIES_RADIUS / wMax)]) {
    let direct = 0;
    for (let k = 0; k < 6; k++) direct += E[k] * Math.exp(d * w[k]);
    let series = 0;
    for (let m = 6; m >= 0; m--) series = series * d + c[m];
    assert.ok(rel(series, direct) < 1e-15, `d = ${d}: ${series} vs ${direct}`);
  }
});

test('rowLossChange and rowLossChangeSeries equal ℓ(s + d₊·w) − ℓ(s + d₋·w) computed plainly', () => {
  for (let seed = 2; seed < 8; seed++) {
    const { s, E, w } = row(seed);
    const t = seed % 6;
    const c = expSeries(E, 0, w, 0, 6, new Float64Array(7));
    for (const [dp, dm] of [
      [1e-4, -1e-4],
      [3e-5, 0],
      [0, -2e-4],
    ]) {
      const plain =
        rowLoss(
          s.map((v, k) => v + dp * w[k]),
          t,
        ) -
        rowLoss(
          s.map((v, k) => v + dm * w[k]),
          t,
        );
      const direct = rowLossChange(E, 0, w, 0, 6, t, dp, dm);
      const series = rowLossChangeSeries(c, E[t], w[t], dp, dm);
      assert.ok(Math.abs(direct - plain) < 1e-14, `seed ${seed} direct: ${direct} vs ${plain}`);
      assert.ok(Math.abs(series - plain) < 1e-14, `seed ${seed} series: ${series} vs ${plain}`);
    }
  }
});

test('addScoreChanges adds ℓ(sₖ + u) − ℓ(sₖ − u) for every class k at g[go + k]', () => {
  const { s, E } = row(9);
  const t = 2;
  const rest = Float64Array.from(E, (_, k) => E.reduce((a, v, q) => (q === k ? a : a + v), 0));
  const g = new Float64Array(8).fill(1);
  addScoreChanges(E, 0, 6, t, rest, 1e-4, g, 2);
  assert.deepEqual([g[0], g[1]], [1, 1]);
  for (let k = 0; k < 6; k++) {
    const moved = (u: number) => s.map((v, q) => (q === k ? v + u : v));
    const plain = rowLoss(moved(1e-4), t) - rowLoss(moved(-1e-4), t);
    assert.ok(Math.abs(g[2 + k] - 1 - plain) < 1e-14, `k = ${k}: ${g[2 + k] - 1} vs ${plain}`);
  }
});
