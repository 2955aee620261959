import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gaussianVarianceHead } from '../../src/heads/gaussian-variance.js';
import { GaussianVarianceLoss } from '../../src/heads/gaussian-variance-loss.js';
import { gaussianNllLoss } from '../../src/losses/gaussian-nll-loss.js';
import { createRng, fromArray, randn, tensor } from '../../src/tensor/index.js';
import { assertHeadGradients, assertMoments, DRAWS } from './head-check.js';

test('backward matches the numerical gradient in float64 on js and wasm, alone and in a network', () => {
  assertHeadGradients(
    gaussianVarianceHead,
    2,
    () => randn([4, 4], createRng(1)),
    () => randn([4, 2], createRng(2)),
  );
});

test('the loss is GaussianNLLLoss(full) with σ² = softplus(s)', () => {
  const out = tensor([
    [0.5, -1.0],
    [2.0, 1.5],
  ]);
  const v = [Math.log1p(Math.exp(-1)), Math.log1p(Math.exp(1.5))];
  const expected = gaussianNllLoss([0.5, 2.0], [1, 1], v, { full: true });
  assert.ok(Math.abs(new GaussianVarianceLoss().forward(out, [1, 1]) - expected) < 1e-15);
  assert.equal(gaussianVarianceHead.outputSize(3), 6);
});

test('10⁴ draws have mean μ and variance softplus(s) within 4 standard errors', () => {
  const s = Math.log(Math.expm1(0.5)); // softplus(s) = 0.5
  const out = fromArray(Array.from({ length: DRAWS }, () => [-1, s]).flat(), [DRAWS, 2]);
  assert.ok(Math.abs(gaussianVarianceHead.variance!(out).data[0] - 0.5) < 1e-15);
  const draws = gaussianVarianceHead.sample(out, createRng(15));
  assert.deepEqual(draws.shape, [DRAWS, 1]);
  assertMoments('N(−1, 0.5)', draws.data, -1, 0.5, 3 * 0.25);
});

test('logLikelihood and nll include ½log 2πσ², and an odd output width is refused', () => {
  const out = tensor([[0, Math.log(Math.expm1(1))]]);
  assert.ok(
    Math.abs(gaussianVarianceHead.logLikelihood(out, [1])[0] + 0.5 * Math.log(2 * Math.PI) + 0.5) <
      1e-15,
  );
  assert.deepEqual(gaussianVarianceHead.predict(out).toArray(), [[0]]);
  assert.throws(
    () => gaussianVarianceHead.predict(tensor([[1, 2, 3]])),
    /output must be 2-D \(N, 2·D/,
  );
});
