import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TargetError } from '../../src/heads/head-error.js';
import { logFactorial } from '../../src/heads/head-math.js';
import { poissonHead } from '../../src/heads/poisson.js';
import { createRng, full, randn, tensor } from '../../src/tensor/index.js';
import { assertHeadGradients, assertMoments, DRAWS } from './head-check.js';

test('backward matches the numerical gradient in float64 on js and wasm, alone and in a network', () => {
  assertHeadGradients(
    poissonHead,
    2,
    () => randn([4, 2], createRng(1), { std: 0.5 }),
    () =>
      tensor([
        [0, 3],
        [1, 0],
        [5, 2],
        [2, 1],
      ]),
  );
});

for (const lambda of [3, 40, 800]) {
  test(`10⁴ draws at λ = ${lambda} have mean and variance λ within 4 standard errors`, () => {
    const draws = poissonHead.sample(full([DRAWS, 1], Math.log(lambda)), createRng(14 + lambda));
    assert.ok(draws.data.every((y) => Number.isInteger(y) && y >= 0));
    assertMoments(`Poisson(${lambda})`, draws.data, lambda, lambda, lambda * (1 + 3 * lambda));
  });
}

test('logLikelihood keeps log y!; the deviance is 0 where λ = y', () => {
  const out = tensor([[0], [Math.log(4)]]);
  const ll = poissonHead.logLikelihood(out, [2, 4]);
  assert.equal(ll[0], -1 - Math.LN2);
  assert.ok(Math.abs(ll[1] - (4 * Math.log(4) - 4 - Math.log(24))) < 1e-14);
  const m = poissonHead.metrics(tensor([[Math.log(4)], [0]]), [4, 0]);
  assert.ok(Math.abs(m.deviance - 1) < 1e-15, String(m.deviance)); // row 2: 2·(0 − (0 − 1)) = 2, mean 1
  assert.ok(Math.abs(logFactorial(30) - 74.65823634883016) < 1e-12);
});

test('a negative or fractional count is refused with its row and column', () => {
  assert.throws(
    () => poissonHead.checkTarget(tensor([[1], [2.5]]), 1),
    (e) =>
      e instanceof TargetError &&
      e.row === 1 &&
      /a count \(an integer ≥ 0\), found 2\.5/.test(e.message),
  );
  assert.throws(() => poissonHead.checkTarget([0, -1], 1), TargetError);
});
