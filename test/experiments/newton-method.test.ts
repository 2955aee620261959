import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newtonMethodExperiment, quarticDerivatives } from '../../src/experiments/newton-method.js';
import { compileMessages } from '../plot/compile-spec.js';

const result = newtonMethodExperiment.run({ size: 'tiny', seed: 0 });
const n = result.numbers as Record<string, any>;

test('y = x⁴ − 2x² at 2: backward gives y′ = 24 and, through the gradient, y″ = 44', () => {
  assert.deepEqual(quarticDerivatives(2), { dy: 24, d2y: 44 });
  assert.equal(n.dy, 24);
  assert.equal(n.d2y, 44);
  // y′ = 4x³ − 4x, y″ = 12x² − 4 at another point.
  const d = quarticDerivatives(0.5);
  assert.ok(Math.abs(d.dy - (0.5 - 2)) < 1e-15 && Math.abs(d.d2y - (3 - 4)) < 1e-15);
});

test("Newton's method reaches x = 1 in a handful of steps; gradient descent needs hundreds", () => {
  assert.equal(n.newton[1], 2 - 24 / 44);
  assert.equal(n.newtonSteps, 6);
  assert.equal(n.newton[n.newton.length - 1], 1);
  assert.equal(n.descentSteps, 264);
  for (const f of result.figures) assert.deepEqual(compileMessages(f.spec), [], f.name);
});
