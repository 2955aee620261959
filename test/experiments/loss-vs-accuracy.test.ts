import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lossVsAccuracyExperiment } from '../../src/experiments/loss-vs-accuracy.js';

const r = lossVsAccuracyExperiment.run({ size: 'tiny', seed: 0 });
const flat = r.numbers.flatFraction as { loss: number; accuracy: number; stepLoss: number };

test("accuracy's derivative is 0 at almost every point of the sweep while the loss's never is", () => {
  assert.ok(flat.accuracy > 0.9, `accuracy flat at ${flat.accuracy}`);
  assert.equal(flat.loss, 0);
});

test('accuracy takes a few discrete values (multiples of 1/N) while the loss takes a new value at every point', () => {
  const n = r.numbers.samples as number;
  const acc = r.numbers.accuracy as number[];
  for (const a of acc) assert.ok(Math.abs(a * n - Math.round(a * n)) < 1e-9);
  assert.ok((r.numbers.distinctAccuracies as number) < acc.length / 4);
  assert.equal(new Set(r.numbers.loss as number[]).size, acc.length);
});

test('with a step activation the loss is flat almost everywhere too', () => {
  assert.ok(flat.stepLoss > 0.8, `step loss flat at ${flat.stepLoss}`);
});
