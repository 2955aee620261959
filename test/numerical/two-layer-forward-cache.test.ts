import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TwoLayerNet } from '../../src/models/two-layer-net.js';
import type { Params } from '../../src/models/network.js';
import { ACTIVATION_NAMES, ACTIVATIONS, type Activation } from '../../src/models/activations.js';
import {
  TwoLayerForwardCache,
  type TwoLayerWeights,
} from '../../src/numerical/two-layer-forward-cache.js';
import { add, createRng, matmul, rand, softmaxRows, zeros } from '../../src/tensor/index.js';

function setup(activation: Activation) {
  const net = new TwoLayerNet(9, 5, 3, { activation, weightInitStd: 0.8, rng: createRng(80) });
  for (let j = 0; j < 5; j++) net.params.b1.data[j] = 0.2 * (j - 2);
  const x = rand([4, 9], createRng(81));
  for (let i = 0; i < x.size; i += 2) x.data[i] = 0;
  x.data[1] = -2.5;
  return { net, x, params: net.params as Params & TwoLayerWeights };
}

for (const activation of ACTIVATION_NAMES) {
  test(`with ${activation}, z, a and E / S match the network's own forward pass and softmax`, () => {
    const { net, x, params } = setup(activation);
    const cache = new TwoLayerForwardCache();
    cache.fill(x, params, ACTIVATIONS[activation].scalar);
    assert.deepEqual([cache.rows, cache.inputs, cache.hidden, cache.classes], [4, 9, 5, 3]);
    const z = add(matmul(x, params.W1), params.b1);
    const y = softmaxRows(net.predict(x));
    for (let i = 0; i < z.size; i++) {
      assert.ok(Math.abs(cache.z[i] - z.data[i]) < 1e-14, `z[${i}]`);
      assert.equal(cache.a[i], ACTIVATIONS[activation].scalar.value(cache.z[i]));
    }
    for (let n = 0; n < 4; n++) {
      for (let k = 0; k < 3; k++) {
        const p = cache.E[n * 3 + k] / cache.S[n];
        assert.ok(Math.abs(p - y.data[n * 3 + k]) < 1e-14, `softmax[${n}, ${k}]`);
      }
    }
  });
}

test('the sparse rows list exactly the non-zero inputs, and xMax is max(1, |x|) per row', () => {
  const { x, params } = setup('relu');
  const cache = new TwoLayerForwardCache();
  cache.fill(x, params, ACTIVATIONS.relu.scalar);
  for (let n = 0; n < 4; n++) {
    const listed: [number, number][] = [];
    for (let p = cache.rowStart[n]; p < cache.rowStart[n + 1]; p++) {
      listed.push([cache.cols[p], cache.vals[p]]);
    }
    const expected: [number, number][] = [];
    for (let i = 0; i < 9; i++) if (x.data[n * 9 + i] !== 0) expected.push([i, x.data[n * 9 + i]]);
    assert.deepEqual(listed, expected);
  }
  assert.equal(cache.xMax[0], 2.5);
  assert.equal(cache.xMax[1], 1);
});

test('the scalar forms: the book ReLU (0 at 0), a sigmoid that does not overflow, tanh, leaky ReLU', () => {
  const { relu, sigmoid, tanh, leakyRelu } = ACTIVATIONS;
  assert.deepEqual([relu.scalar.value(-1), relu.scalar.value(0), relu.scalar.value(2)], [0, 0, 2]);
  assert.equal(sigmoid.scalar.value(0), 0.5);
  assert.equal(sigmoid.scalar.value(-1000), 0);
  assert.equal(sigmoid.scalar.value(1000), 1);
  assert.ok(Math.abs(sigmoid.scalar.value(1) - 1 / (1 + Math.exp(-1))) < 1e-16);
  assert.equal(tanh.scalar.value(-1000), -1);
  assert.deepEqual([leakyRelu.scalar.value(-2), leakyRelu.scalar.value(3)], [-0.02, 3]);
});

test('a weight of the wrong shape or an input of the wrong width throws RangeError naming it', () => {
  const { x, params } = setup('relu');
  const cache = new TwoLayerForwardCache();
  assert.throws(
    () => cache.fill(zeros([2, 8]), params, ACTIVATIONS.relu.scalar),
    /x must have shape \(N, 9\), got \(2, 8\)/,
  );
  assert.throws(
    () => cache.fill(x, { ...params, b2: zeros([4]) }, ACTIVATIONS.relu.scalar),
    /b2 must have shape \(3,\), got \(4,\)/,
  );
  assert.throws(
    () => cache.fill(x, { ...params, W2: zeros([4, 3]) }, ACTIVATIONS.relu.scalar),
    /W2 must have shape \(5, C\), got \(4, 3\)/,
  );
});
