import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Dropout } from '../../src/layers/dropout.js';
import { ModelError } from '../../src/models/model-error.js';
import { MultiLayerNet } from '../../src/models/multi-layer-net.js';
import { TwoLayerNet } from '../../src/models/two-layer-net.js';
import { gradientCheck } from '../../src/numerical/gradient-check.js';
import { countAllocations } from '../helpers/count-allocs.js';
import { axpyInPlace, createRng, rand, tensor } from '../../src/tensor/index.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend(() => {
  const x = rand([3, 12], createRng(90));
  const t = new Int32Array([1, 4, 0]);

  function assertGradientsAgree(net: MultiLayerNet): void {
    const { grads } = net.gradient(x, t);
    for (const [key, r] of Object.entries(gradientCheck(grads, net.numericalGradient(x, t)))) {
      assert.ok(r.meanAbs <= 1e-9, `${key}: mean |backprop − numerical| = ${r.meanAbs}`);
      assert.ok(
        r.maxRel < 1e-5,
        `${key}: max relative ${r.maxRel} at [${r.worstIndex.join(', ')}]`,
      );
    }
  }

  test('with weight decay, backprop agrees with the numerical gradient of the penalised loss', () => {
    assertGradientsAgree(
      new MultiLayerNet({
        inputSize: 12,
        hiddenSizes: [8, 6],
        outputSize: 5,
        weightDecay: 0.1,
        rng: createRng(91),
      }),
    );
  });

  test('with dropout, the numerical gradient uses the masks backprop saw and the two agree', () => {
    const net = new MultiLayerNet({
      inputSize: 12,
      hiddenSizes: [8, 6],
      outputSize: 5,
      dropout: 0.3,
      weightDecay: 0.05,
      rng: createRng(92),
    });
    assertGradientsAgree(net);
    const dropouts = net.layers.filter((l): l is Dropout => l instanceof Dropout);
    assert.equal(dropouts.length, 2);
    assert.ok(
      dropouts.every((d) => !d.maskFrozen),
      'masks are unfrozen again afterwards',
    );
    const mask = dropouts[0].mask!.toArray();
    net.gradient(x, t);
    assert.notDeepEqual(dropouts[0].mask!.toArray(), mask, 'each training step draws a new mask');
  });

  test('sigmoid with Xavier init also passes the gradient check', () => {
    assertGradientsAgree(
      new MultiLayerNet({
        inputSize: 12,
        hiddenSizes: [7],
        outputSize: 5,
        activation: 'sigmoid',
        weightInit: 'xavier',
        rng: createRng(93),
      }),
    );
  });

  test('the loss adds ½λΣW² over the weights only, and the gradient adds λW', () => {
    const opts = { inputSize: 12, hiddenSizes: [4], outputSize: 5 };
    const plain = new MultiLayerNet({ ...opts, rng: createRng(94) });
    const decayed = new MultiLayerNet({ ...opts, weightDecay: 0.5, rng: createRng(94) });
    axpyInPlace(decayed.params.b1, 1, tensor([1, 2, 3, 4])); // biases must not count
    axpyInPlace(plain.params.b1, 1, tensor([1, 2, 3, 4]));
    let sumSq = 0;
    for (const key of ['W1', 'W2']) for (const v of decayed.params[key].data) sumSq += v * v;
    assert.ok(Math.abs(decayed.loss(x, t) - plain.loss(x, t) - 0.25 * sumSq) < 1e-12);
    const g0 = plain.gradient(x, t).grads;
    const g1 = decayed.gradient(x, t).grads;
    const W2 = decayed.params.W2.data;
    for (let i = 0; i < W2.length; i++)
      assert.ok(Math.abs(g1.W2.data[i] - g0.W2.data[i] - 0.5 * W2[i]) < 1e-12);
    assert.deepEqual(g1.b1.toArray(), g0.b1.toArray());
  });

  test('layers, params and config follow the options; one hidden layer matches TwoLayerNet', () => {
    const net = new MultiLayerNet({
      inputSize: 12,
      hiddenSizes: [10, 10, 10],
      outputSize: 5,
      dropout: 0.5,
      rng: createRng(95),
    });
    assert.deepEqual(Object.keys(net.params), ['W1', 'b1', 'W2', 'b2', 'W3', 'b3', 'W4', 'b4']);
    assert.deepEqual(
      net.layers.map((l) => l.constructor.name),
      [
        'Affine',
        'Relu',
        'Dropout',
        'Affine',
        'Relu',
        'Dropout',
        'Affine',
        'Relu',
        'Dropout',
        'Affine',
      ],
    );
    assert.equal(net.config.weightInit, 'he');
    assert.deepEqual(net.config.hiddenSizes, [10, 10, 10]);
    const m = new MultiLayerNet({
      inputSize: 12,
      hiddenSizes: [6],
      outputSize: 5,
      weightInit: 'std',
      rng: createRng(96),
    });
    const two = new TwoLayerNet(12, 6, 5, { rng: createRng(96) });
    assert.equal(m.loss(x, t), two.loss(x, t));
  });

  test('inference ignores dropout, so predict is deterministic without train', () => {
    const net = new MultiLayerNet({
      inputSize: 12,
      hiddenSizes: [8],
      outputSize: 5,
      dropout: 0.5,
      rng: createRng(97),
    });
    const a = net.predict(x).toArray();
    assert.deepEqual(net.predict(x).toArray(), a);
    assert.notDeepEqual(net.predict(x, true).toArray(), a);
  });

  test('bad options throw a ModelError naming the option', () => {
    const base = { inputSize: 3, hiddenSizes: [2], outputSize: 2 };
    assert.throws(
      () => new MultiLayerNet({ ...base, hiddenSizes: [2, 0] }),
      /hiddenSizes\[1\] must be a positive integer/,
    );
    assert.throws(() => new MultiLayerNet({ ...base, weightDecay: -1 }), ModelError);
    assert.throws(
      () => new MultiLayerNet({ ...base, dropout: 1 }),
      /dropout must be in \[0, 1\), got 1/,
    );
    assert.throws(() => new MultiLayerNet({ ...base, activation: 'gelu' as 'relu' }), /activation/);
  });

  test('with weight decay and dropout, a repeated training step allocates no tensor storage', () => {
    const net = new MultiLayerNet({
      inputSize: 12,
      hiddenSizes: [8, 6],
      outputSize: 5,
      weightDecay: 0.1,
      dropout: 0.5,
      rng: createRng(98),
    });
    const step = (): void => {
      const { grads } = net.gradient(x, t, { reuse: true });
      for (const key in grads) axpyInPlace(net.params[key], -0.1, grads[key]);
    };
    step();
    assert.equal(countAllocations(step), 0);
  });
});
