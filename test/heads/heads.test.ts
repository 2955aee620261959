import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HeadError } from '../../src/heads/head-error.js';
import { HEAD_NAMES, HEADS, headFor, sample } from '../../src/heads/heads.js';
import { createRng, tensor } from '../../src/tensor/index.js';

test('the table holds the six heads under their names, each with a loss and metrics', () => {
  assert.deepEqual(HEAD_NAMES, [
    'categorical',
    'bernoulli',
    'gaussian',
    'gaussian-variance',
    'laplace',
    'poisson',
  ]);
  for (const name of HEAD_NAMES) {
    const head = HEADS[name];
    assert.equal(head.name, name);
    assert.ok(
      head.metricNames.includes(name === 'poisson' ? 'deviance' : 'nll') &&
        head.metricNames.includes('nll'),
    );
    assert.equal(typeof head.createLoss().forward, 'function');
    assert.notEqual(head.createLoss(), head.createLoss(), 'a fresh loss layer per network');
    assert.equal(headFor(name), head);
  }
});

test('headFor names the known heads when the name is unknown', () => {
  assert.throws(
    () => headFor('normal'),
    (e) =>
      e instanceof HeadError &&
      /expected one of categorical, bernoulli, gaussian, gaussian-variance, laplace, poisson, found 'normal'/.test(
        e.message,
      ),
  );
});

test('sample(head, output, rng) is the head’s draw, reproducible from the seed', () => {
  const out = tensor([[0.1], [2.0]]);
  const a = sample(HEADS.poisson, out, createRng(9)).toArray();
  assert.deepEqual(a, HEADS.poisson.sample(out, createRng(9)).toArray());
  assert.notDeepEqual(
    sample(HEADS.gaussian, out, createRng(9)).toArray(),
    sample(HEADS.gaussian, out, createRng(10)).toArray(),
  );
});
