import assert from 'node:assert/strict';
import { test } from 'node:test';
import { learningRateExperiment } from '../../src/experiments/learning-rate.js';

interface Run {
  learningRate: number;
  final: number[];
  finalDistance: number;
}
const runs = learningRateExperiment.run({ size: 'tiny', seed: 0 }).numbers.runs as unknown as Run[];
const run = (lr: number): Run => runs.find((r) => r.learningRate === lr)!;
const close = (a: number[], b: number[], rel: number): boolean =>
  a.every((v, i) => Math.abs(v - b[i]!) <= rel * Math.abs(b[i]!));

test("lr 10 ends farther from the minimum than it started (the book's −2.58983747e13, −1.29524862e12)", () => {
  assert.ok(run(10).finalDistance > 5);
  assert.ok(close(run(10).final, [-2.58983747e13, -1.29524862e12], 1e-8));
});

test('lr 1e-10 barely moves: (−2.99999994, 3.99999992)', () => {
  assert.ok(close(run(1e-10).final, [-2.99999994, 3.99999992], 1e-8));
  assert.ok(Math.abs(run(1e-10).finalDistance - 5) < 1e-6);
});

test('lr 0.1 reaches the minimum and lr 0.01 is only part of the way', () => {
  assert.ok(run(0.1).finalDistance < 1e-8);
  assert.ok(close(run(0.01).final, [-0.39785867, 0.53047822], 1e-7));
});

test('lr 1 bounces and never gets closer', () => {
  assert.ok(Math.abs(run(1).finalDistance - 5) < 1e-6);
});
