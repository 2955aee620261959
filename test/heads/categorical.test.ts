import { test } from 'node:test';
import assert from 'node:assert/strict';
import { categoricalHead } from '../../src/heads/categorical.js';
import { TargetError } from '../../src/heads/head-error.js';
import { createRng, fromArray, randn, tensor } from '../../src/tensor/index.js';
import { assertHeadGradients, DRAWS } from './head-check.js';

test('backward matches the numerical gradient in float64 on js and wasm, alone and in a network', () => {
  assertHeadGradients(
    categoricalHead,
    3,
    () => randn([5, 3], createRng(1)),
    () => new Int32Array([0, 2, 1, 1, 0]),
  );
});

test('10⁴ draws hit each class with frequency softmax(z) within 4 standard errors', () => {
  const z = [1, 0, -1, 2];
  const p = z.map((v) => Math.exp(v) / z.reduce((s, w) => s + Math.exp(w), 0));
  const out = fromArray(Array.from({ length: DRAWS }, () => z).flat(), [DRAWS, 4]);
  const draws = categoricalHead.sample(out, createRng(11));
  assert.deepEqual(draws.shape, [DRAWS]);
  const counts = [0, 0, 0, 0];
  for (const c of draws.data) counts[c]++;
  p.forEach((pk, k) => {
    const band = 4 * Math.sqrt((pk * (1 - pk)) / DRAWS);
    assert.ok(
      Math.abs(counts[k] / DRAWS - pk) < band,
      `class ${k}: ${counts[k] / DRAWS} vs ${pk} ± ${band}`,
    );
  });
});

test('predict gives probabilities, logLikelihood the exact log-softmax, metrics accuracy and nll', () => {
  const out = tensor([
    [0, 0],
    [2, 0],
  ]);
  const p = categoricalHead.predict(out).data;
  [0.5, 0.5, 1 / (1 + Math.exp(-2)), 1 / (Math.exp(2) + 1)].forEach((v, k) =>
    assert.ok(Math.abs(p[k] - v) < 1e-15, `p[${k}] ${p[k]} vs ${v}`),
  );
  const ll = categoricalHead.logLikelihood(out, [1, 0]);
  assert.equal(ll[0], -Math.LN2);
  assert.ok(Math.abs(ll[1] + Math.log1p(Math.exp(-2))) < 1e-15);
  const m = categoricalHead.metrics(out, [
    [0, 1],
    [1, 0],
  ]);
  assert.equal(m.accuracy, 0.5);
  assert.ok(Math.abs(m.nll - (Math.LN2 + Math.log1p(Math.exp(-2))) / 2) < 1e-15);
});

test('a class outside 0..C−1 or a fractional class is refused with its row', () => {
  assert.throws(
    () => categoricalHead.checkTarget([0, 1, 3], 3),
    (e) => e instanceof TargetError && e.row === 2 && /class index 0\.\.2, found 3/.test(e.message),
  );
  assert.throws(() => categoricalHead.checkTarget(tensor([0.5]), 3), TargetError);
  assert.doesNotThrow(() => categoricalHead.checkTarget([[0, 0, 1]], 3));
});
