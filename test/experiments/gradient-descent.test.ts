import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gradientDescentExperiment } from '../../src/experiments/gradient-descent.js';

test("100 steps with lr 0.1 from (−3, 4) end at the book's point", () => {
  const r = gradientDescentExperiment.run({ size: 'tiny', seed: 0 });
  assert.deepEqual(r.numbers.finalAfter100, [-6.111107928998789e-10, 8.148143905314271e-10]);
});

test('f falls by the factor 0.64 at every step', () => {
  const values = gradientDescentExperiment.run({ size: 'tiny', seed: 0 }).numbers
    .valuePerStep as number[];
  assert.equal(values[0], 25);
  for (let i = 1; i < 30; i++)
    assert.ok(Math.abs(values[i]! / values[i - 1]! - 0.64) < 1e-6, `step ${i}`);
});
