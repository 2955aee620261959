import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  nonconvexDescentExperiment,
  quarticWell,
  saddle,
} from '../../src/experiments/nonconvex-descent.js';

const r = nonconvexDescentExperiment.run({ size: 'tiny', seed: 0 });
const n = r.numbers as Record<string, unknown>;
type End = { eta: number; x: number | null; f: number | null; diverged: boolean };
const ends = n.ends as End[];
const close = (a: number | null, b: number, tol = 1e-5) =>
  assert.ok(a !== null && Math.abs(a - b) < tol, `${a} vs ${b}`);

test('a small η stops in the local minimum of x⁴ − 3x² + x, η 0.1 reaches the global one', () => {
  assert.deepEqual(
    ends.map((e) => e.eta),
    [0.01, 0.05, 0.1, 0.2],
  );
  for (const e of ends.slice(0, 2)) {
    close(e.x, 1.1309);
    close(e.f, -1.07023);
  }
  close(ends[2]!.x, -1.30084);
  close(ends[2]!.f, -3.51391);
  // Both are stationary points: f′(x) = 4x³ − 6x + 1 = 0.
  for (const e of ends.slice(0, 3)) assert.ok(Math.abs(4 * e.x! ** 3 - 6 * e.x! + 1) < 1e-6);
  assert.equal(ends[3]!.diverged, true);
  assert.equal(quarticWell(2), 6);
});

test('full-batch descent stays on the saddle exactly, mini-batch SGD leaves it for a minimum', () => {
  assert.equal(n.fullBatchFinalY, 0);
  assert.ok(Math.abs(n.fullBatchFinalF as number) < 1e-40, String(n.fullBatchFinalF));
  assert.ok((n.sgdFinalF as number) < -0.2, String(n.sgdFinalF));
  assert.equal(saddle(0, 1), -0.25);
});

test('the same seed gives the same run, another seed another SGD path', () => {
  assert.deepEqual(nonconvexDescentExperiment.run({ size: 'tiny', seed: 0 }).numbers, r.numbers);
  const other = nonconvexDescentExperiment.run({ size: 'tiny', seed: 1 }).numbers;
  assert.notDeepEqual(other.sgdFinal, n.sgdFinal);
  assert.ok((other.sgdFinalF as number) < -0.2);
});
