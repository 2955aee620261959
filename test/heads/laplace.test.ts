import { test } from 'node:test';
import assert from 'node:assert/strict';
import { laplaceHead } from '../../src/heads/laplace.js';
import { createRng, full, randn, tensor } from '../../src/tensor/index.js';
import { assertHeadGradients, assertMoments, DRAWS } from './head-check.js';

test('backward matches the numerical gradient in float64 on js and wasm, alone and in a network', () => {
  assertHeadGradients(
    laplaceHead({ scale: 0.7 }),
    1,
    () => randn([5, 1], createRng(1)),
    () => randn([5], createRng(2)),
  );
});

test('10⁴ draws have mean μ and variance 2b² within 4 standard errors', () => {
  const b = 0.5;
  const draws = laplaceHead({ scale: b }).sample(full([DRAWS, 1], 2), createRng(13));
  assertMoments('Laplace(2, 0.5)', draws.data, 2, 2 * b * b, 24 * b ** 4);
});

test('logLikelihood is −|y − μ|/b − log 2b; fitScale is the mean absolute error', () => {
  const head = laplaceHead({ scale: 2 });
  const ll = head.logLikelihood(tensor([[0], [1]]), [[1], [1]]);
  assert.equal(ll[0], -0.5 - Math.log(4));
  assert.equal(ll[1], -Math.log(4));
  assert.equal(head.fitScale?.(tensor([[0], [1]]), [[1], [4]]), 2);
  assert.deepEqual(Object.keys(head.metrics(tensor([[0]]), [0])), ['rmse', 'mae', 'nll']);
});
