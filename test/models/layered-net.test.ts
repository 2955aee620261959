import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Affine } from '../../src/layers/affine.js';
import { LayeredNet } from '../../src/models/layered-net.js';
import { TwoLayerNet } from '../../src/models/two-layer-net.js';
import { gradientCheck } from '../../src/numerical/gradient-check.js';
import { createRng, randn, rand, zeros } from '../../src/tensor/index.js';

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
  const { grads } = net.gradient(rand([5, 4], createRng(122)), [0, 1, 1, 1, 0]);
  assert.deepEqual(calls, [2, 1], 'the second Affine and the ReLU still pass dx back');
  assert.equal(grads.W1, (net.layers[0] as Affine).grads.W, 'the first layer still computed dW');
});
