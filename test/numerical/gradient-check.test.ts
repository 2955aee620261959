import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gradientCheck } from '../../src/numerical/gradient-check.js';
import { tensor } from '../../src/tensor/index.js';

test('gradientCheck reports max and mean absolute and max relative differences per parameter', () => {
  const analytic = {
    W: tensor([
      [1, 2],
      [3, 4],
    ]),
    b: tensor([0.5]),
  };
  const numerical = {
    W: tensor([
      [1, 2.5],
      [3, 4],
    ]),
    b: tensor([0.5]),
  };
  const r = gradientCheck(analytic, numerical);
  assert.equal(r.W.maxAbs, 0.5);
  assert.equal(r.W.meanAbs, 0.125);
  assert.equal(r.W.maxRel, 0.5 / 4.5);
  assert.deepEqual(r.W.worstIndex, [0, 1]);
  assert.equal(r.W.analytic, 2);
  assert.equal(r.W.numerical, 2.5);
  assert.deepEqual(
    { ...r.b },
    { maxAbs: 0, meanAbs: 0, maxRel: 0, worstIndex: [0], analytic: 0.5, numerical: 0.5 },
  );
});

test('the relative difference uses the floor when both gradients are tiny', () => {
  const r = gradientCheck({ g: tensor([1e-12]) }, { g: tensor([0]) });
  assert.equal(r.g.maxRel, 1e-12 / 1e-8);
  assert.equal(
    gradientCheck({ g: tensor([1e-12]) }, { g: tensor([0]) }, { floor: 1e-3 }).g.maxRel,
    1e-9,
  );
});

test('a NaN gradient is reported as the worst entry, not hidden', () => {
  const r = gradientCheck({ g: tensor([1, Number.NaN, 3]) }, { g: tensor([1, 2, 3.5]) });
  assert.ok(Number.isNaN(r.g.maxRel));
  assert.deepEqual(r.g.worstIndex, [1]);
});

test('missing keys and shape mismatches throw naming the parameter', () => {
  assert.throws(
    () => gradientCheck({ W: tensor([1]) }, {}),
    /analytic has 'W' but numerical does not/,
  );
  assert.throws(
    () => gradientCheck({}, { W: tensor([1]) }),
    /numerical has W but analytic does not/,
  );
  assert.throws(
    () => gradientCheck({ W: tensor([1, 2]) }, { W: tensor([[1, 2]]) }),
    /'W' has shape \(2,\)/,
  );
});

test('a floor that is not a finite number > 0 throws', () => {
  for (const floor of [0, -1, Infinity, Number.NaN]) {
    assert.throws(
      () => gradientCheck({ g: tensor([1]) }, { g: tensor([1]) }, { floor }),
      /gradientCheck: floor must be a finite number > 0/,
    );
  }
});
