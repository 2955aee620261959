import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createOptimizer, OPTIMIZER_NAMES } from '../../src/optim/create-optimizer.js';
import { OptimizerError } from '../../src/optim/optimizer-error.js';
import { SGD } from '../../src/optim/sgd.js';
import { createRng } from '../../src/tensor/rng.js';
import { randn } from '../../src/tensor/creation.js';
import type { Tensor } from '../../src/tensor/tensor.js';

function problem(seed: number): {
  params: Record<string, Tensor>;
  grads: () => Record<string, Tensor>;
} {
  const rng = createRng(seed);
  const params = { W1: randn([3, 4], rng), b1: randn([4], rng) };
  return { params, grads: () => ({ W1: randn([3, 4], rng), b1: randn([4], rng) }) };
}

for (const name of OPTIMIZER_NAMES) {
  test(`${name}: restoring a saved state continues bit for bit`, () => {
    const a = problem(1);
    const opt = createOptimizer(name, 0.05);
    for (let i = 0; i < 3; i++) opt.update(a.params, a.grads());
    const saved = opt.getState();
    const snapshot = Object.fromEntries(
      Object.entries(a.params).map(([k, t]) => [k, Float64Array.from(t.data)]),
    );
    const later = a.grads();
    opt.update(a.params, later);
    const expected = Object.fromEntries(
      Object.entries(a.params).map(([k, t]) => [k, Array.from(t.data)]),
    );

    const fresh = createOptimizer(name, 0.05);
    fresh.setState(saved);
    const b = problem(99);
    for (const k of Object.keys(b.params)) b.params[k].data.set(snapshot[k]);
    fresh.update(b.params, later);
    for (const k of Object.keys(expected))
      assert.deepEqual(Array.from(b.params[k].data), expected[k], k);
  });

  test(`${name}: a negative, NaN or infinite learning rate throws an OptimizerError`, () => {
    for (const lr of [-0.1, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(
        () => createOptimizer(name, lr),
        (e: unknown) => e instanceof OptimizerError && /learningRate/.test(e.message),
      );
    }
    const opt = createOptimizer(name);
    assert.throws(() => {
      opt.learningRate = -1;
    }, /learningRate must be a finite number ≥ 0, got -1/);
  });
}

test('getState returns copies that later updates do not change', () => {
  const a = problem(2);
  const opt = createOptimizer('momentum');
  opt.update(a.params, a.grads());
  const s = opt.getState();
  const before = Array.from(s.buffers['v.W1']);
  opt.update(a.params, a.grads());
  assert.deepEqual(Array.from(s.buffers['v.W1']), before);
});

test('setState refuses a state saved by another optimizer', () => {
  const state = createOptimizer('adam').getState();
  assert.throws(
    () => createOptimizer('rmsprop').setState(state),
    /saved by Adam, expected RMSprop/,
  );
});

test('a missing or misshaped gradient throws before any parameter changes', () => {
  const a = problem(3);
  const b1 = Array.from(a.params.b1.data);
  const g = a.grads();
  assert.throws(() => new SGD().update(a.params, { b1: g.b1 }), /no gradient for parameter W1/);
  assert.throws(
    () => new SGD().update(a.params, { W1: g.b1, b1: g.b1 }),
    /gradient W1 is \(4,\) float64, expected \(3, 4\)/,
  );
  assert.deepEqual(Array.from(a.params.b1.data), b1);
});

test('a state whose buffers do not fit the parameters is reported', () => {
  const opt = createOptimizer('adagrad');
  opt.setState({ name: 'AdaGrad', step: 1, buffers: { 'h.W1': new Float64Array(2) } });
  const a = problem(4);
  assert.throws(
    () => opt.update(a.params, a.grads()),
    /h\.W1 holds 2 numbers but parameter W1 has 12/,
  );
});

test("createOptimizer uses train_neuralnet.py's 0.1 for SGD and the book class defaults otherwise", () => {
  assert.equal(createOptimizer('sgd').learningRate, 0.1);
  assert.equal(createOptimizer('adam').learningRate, 0.001);
  assert.equal(createOptimizer('momentum').name, 'Momentum');
  assert.throws(() => createOptimizer('nesterov' as never), /unknown optimizer 'nesterov'/);
});
