import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bernoulliHead } from '../../src/heads/bernoulli.js';
import { TargetError } from '../../src/heads/head-error.js';
import { createRng, full, randn, tensor } from '../../src/tensor/index.js';
import { assertHeadGradients, assertMoments, DRAWS } from './head-check.js';

test('backward matches the numerical gradient in float64 on js and wasm, alone and in a network', () => {
  assertHeadGradients(
    bernoulliHead,
    2,
    () => randn([4, 2], createRng(1)),
    () =>
      tensor([
        [1, 0],
        [0, 0],
        [1, 1],
        [0, 1],
      ]),
  );
});

test('10⁴ draws have frequency σ(z) and variance p(1 − p) within 4 standard errors', () => {
  const p = 1 / (1 + Math.exp(-0.8));
  const draws = bernoulliHead.sample(full([DRAWS, 1], 0.8), createRng(12));
  assert.ok(draws.data.every((y) => y === 0 || y === 1));
  const v = p * (1 - p);
  assertMoments('Bernoulli(σ(0.8))', draws.data, p, v, v * (1 - 3 * v));
});

test('logLikelihood is y·z − softplus(z) without overflow; accuracy thresholds σ(z) at ½', () => {
  const out = tensor([[0], [800], [-800]]);
  const ll = bernoulliHead.logLikelihood(out, [1, 1, 1]);
  assert.equal(ll[0], -Math.LN2);
  assert.equal(ll[1], 0);
  assert.equal(ll[2], -800);
  assert.equal(bernoulliHead.metrics(out, [1, 1, 0]).accuracy, 2 / 3);
  assert.deepEqual(bernoulliHead.predict(tensor([[0]])).toArray(), [[0.5]]);
});

test('a target other than 0 or 1 is refused with its row and column', () => {
  assert.throws(
    () =>
      bernoulliHead.checkTarget(
        tensor([
          [0, 1],
          [1, 2],
        ]),
        2,
      ),
    (e) =>
      e instanceof TargetError &&
      e.row === 1 &&
      e.column === 1 &&
      /expected 0 or 1, found 2/.test(e.message),
  );
});
