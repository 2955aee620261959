import assert from 'node:assert/strict';
import { test } from 'node:test';
import { totalDerivativeExperiment } from '../../src/experiments/total-derivative.js';

const n = totalDerivativeExperiment.run({ size: 'tiny', seed: 0 }).numbers as Record<
  string,
  unknown
>;
const near = (a: number, b: number, tol: number) =>
  assert.ok(Math.abs(a - b) < tol, `${a} vs ${b}`);

test('at (1, 1) f = 21 and the partials are 17 and 22 (central differences 17.00000001, 22.00000008)', () => {
  assert.equal(n.f, 21);
  assert.deepEqual(n.exactPartials, [17, 22]);
  const [d1, d2] = n.partials as number[];
  near(d1!, 17.00000001, 1e-9);
  near(d2!, 22.00000008, 1e-9);
  assert.deepEqual(n.numericalGradient, n.partials);
});

test('the total differential 0.61 predicts the actual change 0.620665 of the move (0.01, 0.02)', () => {
  near(n.totalDifferential as number, 0.61, 1e-15);
  near(n.actualChange as number, 0.620665, 1e-12);
  const [p1, p2] = n.partialContributions as number[];
  near(p1!, 0.17, 1e-15);
  near(p2!, 0.44, 1e-15);
  // One axis alone misses the other's share.
  assert.ok((n.changeAlongX1 as number) < 0.2 && (n.changeAlongX2 as number) < 0.46);
});

test("the note's f1, f2 are the partials of 3x1²x2 − x1x2³, not of its f", () => {
  assert.equal(n.noteF1At11, 5);
  assert.equal(n.noteF2At11, 0);
  const [g1, g2] = n.partialsOfNoteSourceAt12 as number[];
  near(g1!, 4, 1e-6);
  near(g2!, -9, 1e-6);
});
