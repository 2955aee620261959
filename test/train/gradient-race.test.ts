import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TwoLayerNet } from '../../src/models/two-layer-net.js';
import { gradientCheck } from '../../src/numerical/gradient-check.js';
import { GradientRace } from '../../src/train/gradient-race.js';

test('parameterCount is DH + H + HC + C', () => {
  const race = new GradientRace({ inputSize: 5, hiddenSize: 4, classes: 3 });
  assert.equal(race.parameterCount, 5 * 4 + 4 + 4 * 3 + 3);
  assert.deepEqual(race.x.shape, [60, 5]);
  assert.ok(Number.isNaN(race.ratio));
});

test("numerical and backprop gradients agree on the race's net (float64, max relative ≤ 1e-6)", () => {
  const race = new GradientRace({ inputSize: 4, hiddenSize: 5, seed: 3 });
  const numerical = race.gradient('numerical');
  const backprop = race.gradient('backprop');
  assert.equal(numerical.loss, backprop.loss);
  const report = gradientCheck(backprop.grads, numerical.grads);
  assert.deepEqual(Object.keys(report), ['W1', 'b1', 'W2', 'b2']);
  for (const [key, r] of Object.entries(report)) assert.ok(r.maxRel < 1e-6, `${key}: ${r.maxRel}`);
});

test('both lanes follow the same loss curve step for step, and it falls', () => {
  const race = new GradientRace({ inputSize: 3, hiddenSize: 6, learningRate: 0.5, seed: 1 });
  for (let k = 0; k < 40; k++) {
    race.step('numerical');
    race.step('backprop');
  }
  const n = race.lane('numerical');
  const b = race.lane('backprop');
  assert.equal(n.iteration, 40);
  assert.equal(b.losses.length, 40);
  assert.equal(n.losses[0], b.losses[0]);
  for (let k = 0; k < 40; k++)
    assert.ok(Math.abs(n.losses[k]! - b.losses[k]!) <= 1e-9 + 1e-6 * b.losses[k]!, `step ${k}`);
  assert.ok(b.losses[39]! < 0.5 * b.losses[0]!, `${b.losses[0]} → ${b.losses[39]}`);
  assert.equal(b.times.length, 40);
  assert.ok(b.times[39]! >= b.times[0]!);
});

test('advance shares the budget: with a clock that counts loss evaluations, ratio is 2P + 1', () => {
  // Each net.loss call costs 1 ms on this clock: numerical takes 2P + 1 of them, backprop 1.
  let clock = 0;
  const original = TwoLayerNet.prototype.loss;
  TwoLayerNet.prototype.loss = function (this: TwoLayerNet, ...args) {
    clock++;
    return original.apply(this, args);
  };
  try {
    const race = new GradientRace({ inputSize: 2, hiddenSize: 3, classes: 2, now: () => clock });
    const cost = 2 * race.parameterCount + 1;
    race.advance(20 * cost);
    const n = race.lane('numerical');
    const b = race.lane('backprop');
    assert.equal(race.ratio, cost);
    assert.equal(n.elapsedMs, n.iteration * cost);
    assert.equal(b.elapsedMs, b.iteration);
    // Always the lane behind steps next, so the two spend equal time within one numerical step.
    assert.ok(Math.abs(n.elapsedMs - b.elapsedMs) <= cost, `${n.elapsedMs} vs ${b.elapsedMs}`);
    assert.ok(n.iteration >= 9 && n.iteration <= 11, String(n.iteration));
    assert.ok(b.iteration >= 9 * cost, String(b.iteration));
  } finally {
    TwoLayerNet.prototype.loss = original;
  }
});

test('a learning rate that is not a positive number is refused', () => {
  assert.throws(
    () => new GradientRace({ learningRate: 0 }),
    /learningRate must be a finite number > 0, got 0/,
  );
});
