import assert from 'node:assert/strict';
import { test } from 'node:test';
import { whyNegativeGradientExperiment } from '../../src/experiments/why-negative-gradient.js';

const r = whyNegativeGradientExperiment.run({ size: 'tiny', seed: 0 });
const n = r.numbers as Record<string, unknown>;

test('one step −η∇L on function_2 at (−3, 4) changes the loss by −100η(1 − η)', () => {
  assert.equal(n.gradientNormSquared, 100);
  const at = n.deltaLossAt as Record<string, number>;
  assert.equal(at['0.1'], -9);
  assert.equal(at['0.5'], -25);
  assert.equal(at['1'], 0);
  assert.ok(Math.abs(at['1.1']! - 11) < 1e-12, String(at['1.1']));
  // The first-order prediction −η‖∇L‖² is off by the factor (1 − η).
  assert.ok(Math.abs((n.smallEtaRatio as number) - 0.999) < 1e-12);
});

test('the sign of ΔL follows Δθ·∇L for small steps, and −∇L lowers the loss most', () => {
  assert.ok((n.signAgreements as number) >= 998, String(n.signAgreements));
  assert.ok((n.steepestDeltaLoss as number) <= (n.mostNegativeRandomDeltaLoss as number));
});

test('random search needs more evaluations as d grows; gradient descent takes 18 steps in every d', () => {
  const ev = n.randomSearchEvaluations as number[];
  assert.deepEqual(n.randomSearchReached, [true, true, true]);
  assert.ok(ev[2]! >= 10 * ev[0]!, `evaluations ${ev.join(', ')}`);
  assert.ok(ev[0]! < ev[1]! && ev[1]! < ev[2]!, `evaluations ${ev.join(', ')}`);
  assert.deepEqual(n.gradientDescentSteps, [18, 18, 18]);
});

test("the note's stop test L(θ+Δθ) == L(θ) never fires, a tolerance on ‖∇L‖ does", () => {
  assert.equal(n.stopTestTies, 0);
  assert.equal(n.stopTestProposals, 10_000);
  assert.equal(n.toleranceSteps, 73);
  assert.ok((n.toleranceGradientNorm as number) <= 1e-6);
});

test('the same seed gives the same numbers', () => {
  const again = whyNegativeGradientExperiment.run({ size: 'tiny', seed: 0 });
  assert.deepEqual(again.numbers, r.numbers);
  assert.deepEqual(
    r.figures.map((f) => f.name),
    ['delta-loss-vs-eta', 'random-directions', 'naive-search'],
  );
});
