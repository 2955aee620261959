import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gaussianHead } from '../../src/heads/gaussian.js';
import { HeadError, TargetError } from '../../src/heads/head-error.js';
import { createRng, full, randn, tensor } from '../../src/tensor/index.js';
import { assertHeadGradients, assertMoments, DRAWS } from './head-check.js';

test('backward matches the numerical gradient in float64 on js and wasm, alone and in a network', () => {
  const head = gaussianHead({ sigma: 0.5 });
  assertHeadGradients(
    head,
    2,
    () => randn([4, 2], createRng(1)),
    () => randn([4, 2], createRng(2)),
  );
});

test('10⁴ draws have mean μ and variance σ² within 4 standard errors', () => {
  const draws = gaussianHead({ sigma: 2 }).sample(full([DRAWS, 1], 1.5), createRng(10));
  assert.deepEqual(draws.shape, [DRAWS, 1]);
  assertMoments('N(1.5, 4)', draws.data, 1.5, 4, 3 * 16);
});

test('logLikelihood keeps ½log 2πσ², and the metrics are rmse, mae and nll', () => {
  const head = gaussianHead({ sigma: 2 });
  const out = tensor([[0], [1]]);
  const ll = head.logLikelihood(out, [0, 3]);
  assert.equal(ll[0], -0.5 * Math.log(2 * Math.PI * 4));
  assert.ok(Math.abs(ll[1] - (-4 / 8 - 0.5 * Math.log(2 * Math.PI * 4))) < 1e-15);
  const m = head.metrics(out, [0, 3]);
  assert.deepEqual(Object.keys(m), head.metricNames);
  assert.equal(m.rmse, Math.sqrt(2));
  assert.equal(m.mae, 1);
  assert.ok(Math.abs(m.nll - -(ll[0] + ll[1]) / 2) < 1e-15);
  assert.deepEqual(head.predict(out).toArray(), [[0], [1]]);
  assert.deepEqual(head.variance?.(out).toArray(), [[4], [4]]);
});

test('fitScale gives the maximum-likelihood σ̂ = rmse, and withScale a head with it', () => {
  const head = gaussianHead();
  const out = tensor([[0], [1]]);
  const sigma = head.fitScale?.(out, [[0], [3]]) as number;
  assert.equal(sigma, Math.sqrt(2));
  const fitted = head.withScale?.(sigma);
  assert.equal(fitted?.scale, sigma);
  // σ̂ maximises the likelihood: a little more or less σ lowers it.
  const ll = (s: number) => gaussianHead({ sigma: s }).metrics(out, [0, 3]).nll;
  assert.ok(ll(sigma) < ll(sigma * 1.05) && ll(sigma) < ll(sigma * 0.95));
});

test('bad targets, outputs and σ are refused with the row and column', () => {
  const head = gaussianHead();
  assert.throws(
    () =>
      head.checkTarget(
        tensor([
          [1, 2],
          [Number.NaN, 0],
        ]),
        2,
      ),
    (e) =>
      e instanceof TargetError &&
      e.row === 1 &&
      e.column === 0 &&
      /finite number, found NaN/.test(e.message),
  );
  assert.throws(() => head.logLikelihood(tensor([1, 2]), [1, 2]), /output must be 2-D/);
  assert.throws(
    () => head.metrics(tensor([[1], [2]]), [1, 2, 3]),
    /targets must have shape \(2, 1\)/,
  );
  assert.throws(() => gaussianHead({ sigma: 0 }), HeadError);
});
