import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Affine } from '../../src/layers/affine.js';
import { LossAdapter } from '../../src/layers/loss-adapter.js';
import { Relu } from '../../src/layers/relu.js';
import { Sigmoid } from '../../src/layers/sigmoid.js';
import { SoftmaxWithLoss } from '../../src/layers/softmax-with-loss.js';
import {
  BCELoss,
  BCEWithLogitsLoss,
  CrossEntropyLoss,
  HingeEmbeddingLoss,
  HuberLoss,
  KLDivLoss,
  L1Loss,
  MSELoss,
  MultiMarginLoss,
  NLLLoss,
  PoissonNLLLoss,
  SmoothL1Loss,
  SoftMarginLoss,
} from '../../src/losses/index.js';
import { LayeredNet } from '../../src/models/layered-net.js';
import { MultiLayerNet } from '../../src/models/multi-layer-net.js';
import type { NetworkConfig } from '../../src/models/network.js';
import { TwoLayerNet } from '../../src/models/two-layer-net.js';
import { gradientCheck } from '../../src/numerical/gradient-check.js';
import { createRng, randn, rand, softmaxRows, tensor, zeros } from '../../src/tensor/index.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend(() => {
  const config: NetworkConfig = {
    kind: 'multi-layer',
    inputSize: 4,
    hiddenSizes: [6],
    outputSize: 3,
    activation: 'relu',
    weightDecay: 0,
    dropout: 0,
    dtype: 'float64',
  };

  /** Softmax regression: the smallest LayeredNet, one Affine layer. */
  class SoftmaxRegression extends LayeredNet {
    constructor(inputSize: number, classes: number, weightDecay: number) {
      const W = randn([inputSize, classes], createRng(120), { std: 0.5 });
      super([new Affine(W, zeros([classes]))], {
        kind: 'multi-layer',
        inputSize,
        hiddenSizes: [],
        outputSize: classes,
        activation: 'relu',
        weightDecay,
        dropout: 0,
        dtype: 'float64',
      });
    }
  }

  test('a subclass gets params named after its Affine layers, shared by reference', () => {
    const net = new SoftmaxRegression(4, 3, 0);
    assert.deepEqual(Object.keys(net.params), ['W1', 'b1']);
    assert.equal(net.params.W1, (net.layers[0] as Affine).W);
  });

  test('a subclass gets backprop that agrees with the numerical gradient, weight decay included', () => {
    const net = new SoftmaxRegression(4, 3, 0.3);
    const x = rand([5, 4], createRng(121));
    const t = [0, 2, 1, 1, 0];
    const report = gradientCheck(net.gradient(x, t).grads, net.numericalGradient(x, t));
    for (const [key, r] of Object.entries(report))
      assert.ok(r.meanAbs <= 1e-9, `${key}: ${r.meanAbs}`);
  });

  test('gradient skips the input gradient of the first Affine layer (x is data) and no other', () => {
    const net = new TwoLayerNet(4, 3, 2, { rng: createRng(123) });
    const calls: number[] = [];
    net.layers.forEach((layer, i) => {
      const backward = layer.backward.bind(layer);
      layer.backward = (dout) => (calls.push(i), backward(dout));
    });
    const { grads } = net.gradient(rand([5, 4], createRng(122)), [0, 1, 1, 1, 0], { reuse: true });
    assert.deepEqual(calls, [2, 1], 'the second Affine and the ReLU still pass dx back');
    assert.equal(grads.W1, (net.layers[0] as Affine).grads.W, 'the first layer still computed dW');
  });

  /** A target for each PyTorch loss, for an output of shape (rows, cols). */
  function lossCases(rows: number, cols: number) {
    const rng = createRng(130);
    const floats = randn([rows, cols], rng);
    const classes = Int32Array.from({ length: rows }, (_, i) => i % cols);
    const signs = tensor(
      Array.from({ length: rows }, (_, i) =>
        Array.from({ length: cols }, (_, j) => ((i + j) % 2 ? 1 : -1)),
      ),
    );
    const probs = softmaxRows(randn([rows, cols], rng));
    const counts = tensor(
      Array.from({ length: rows }, (_, i) =>
        Array.from({ length: cols }, (_, j) => (i * 3 + j) % 4),
      ),
    );
    const bits = tensor(
      Array.from({ length: rows }, (_, i) =>
        Array.from({ length: cols }, (_, j) => ((i + 2 * j) % 3 === 0 ? 1 : 0)),
      ),
    );
    return [
      { last: new MSELoss(), t: floats },
      { last: new L1Loss(), t: floats },
      { last: new HuberLoss({ delta: 0.5 }), t: floats },
      { last: new SmoothL1Loss(), t: floats },
      { last: new CrossEntropyLoss({ labelSmoothing: 0.1 }), t: classes },
      { last: new NLLLoss(), t: classes },
      { last: new MultiMarginLoss(), t: classes },
      { last: new BCEWithLogitsLoss(), t: bits },
      { last: new BCELoss(), t: bits, sigmoid: true },
      { last: new PoissonNLLLoss({ full: true }), t: counts },
      { last: new HingeEmbeddingLoss(), t: signs },
      { last: new SoftMarginLoss({ reduction: 'sum' }), t: signs },
      { last: new KLDivLoss({ reduction: 'batchmean' }), t: probs },
    ];
  }

  test('a network ends in any of the 13 PyTorch losses and its backprop matches the numerical gradient', () => {
    const cases = lossCases(5, 3);
    assert.equal(cases.length, 13);
    for (const { last, t, sigmoid } of cases) {
      const rng = createRng(131);
      const layers = [
        new Affine(randn([4, 6], rng, { std: 0.7 }), randn([6], rng, { std: 0.1 })),
        new Relu(),
        new Affine(randn([6, 3], rng, { std: 0.7 }), randn([3], rng, { std: 0.1 })),
        ...(sigmoid ? [new Sigmoid()] : []),
      ];
      const net = new LayeredNet(layers, { ...config, weightDecay: 0.1 }, new LossAdapter(last));
      const x = randn([5, 4], createRng(132));
      const { loss, grads } = net.gradient(x, t);
      assert.ok(Number.isFinite(loss));
      const report = gradientCheck(grads, net.numericalGradient(x, t));
      for (const [key, r] of Object.entries(report))
        assert.ok(
          r.maxRel < 1e-6,
          `${last.constructor.name} ${key}: ${r.maxRel.toExponential(2)} at [${r.worstIndex.join(', ')}]`,
        );
    }
  });

  test('TwoLayerNet and MultiLayerNet take a last layer and keep SoftmaxWithLoss by default', () => {
    const mse = new LossAdapter(new MSELoss());
    const two = new TwoLayerNet(3, 4, 2, { rng: createRng(133), lastLayer: mse });
    assert.equal(two.lastLayer, mse);
    const x = randn([4, 3], createRng(134));
    const t = randn([4, 2], createRng(135));
    const r = gradientCheck(two.gradient(x, t).grads, two.numericalGradient(x, t));
    for (const [key, v] of Object.entries(r)) assert.ok(v.maxRel < 1e-6, `${key}: ${v.maxRel}`);
    const multi = new MultiLayerNet({ inputSize: 3, hiddenSizes: [4], outputSize: 2 });
    assert.ok(multi.lastLayer instanceof SoftmaxWithLoss);
    assert.ok(
      new MultiLayerNet({ inputSize: 3, hiddenSizes: [], outputSize: 2, lastLayer: mse }).loss(
        x,
        t,
      ) > 0,
    );
  });
});
