import assert from 'node:assert/strict';
import { test } from 'node:test';
import { numericalDiffExperiment } from '../../src/experiments/numerical-diff.js';

const r = numericalDiffExperiment.run({ size: 'tiny', seed: 0 });

test("the central-difference slopes at x = 5 and x = 10 are the book's exact floats", () => {
  assert.equal(r.numbers.slopeAt5, 0.1999999999990898);
  assert.equal(r.numbers.slopeAt10, 0.2999999999986347);
});

test('h = 1e-50 vanishes: 0 in float32 and a zero estimate in float64', () => {
  assert.equal(r.numbers.h1e50AsFloat32, 0);
  assert.equal(r.numbers.estimateWithH1e50Float64, 0);
});

test('at h = 1e-4 the central difference beats the forward difference by orders of magnitude', () => {
  assert.ok((r.numbers.centralErrorAtH1e4 as number) < 1e-11);
  assert.ok((r.numbers.forwardErrorAtH1e4 as number) > 1e-7);
});

test('for eˣ the best central h is far larger than 1e-12 and the best forward h is smaller than the central one', () => {
  const central = r.numbers.bestHCentralExp as number;
  const forward = r.numbers.bestHForwardExp as number;
  assert.ok(central >= 1e-7 && central <= 1e-3, `best central h ${central}`);
  assert.ok(forward < central, `forward ${forward} vs central ${central}`);
});

test('it draws the tangents and the two error figures', () => {
  assert.deepEqual(
    r.figures.map((f) => f.name),
    ['tangents', 'error-vs-h', 'error-vs-h-exp'],
  );
});
