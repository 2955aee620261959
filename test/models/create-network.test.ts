import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNetwork, loadParams } from '../../src/models/create-network.js';
import { ModelError } from '../../src/models/model-error.js';
import { MultiLayerNet } from '../../src/models/multi-layer-net.js';
import { SimpleNet } from '../../src/models/simple-net.js';
import { TwoLayerNet } from '../../src/models/two-layer-net.js';
import { clone, createRng, rand, tensor, zeros } from '../../src/tensor/index.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend(() => {
  const x = rand([4, 6], createRng(100));

  test('a two-layer net rebuilt from its config and loaded params predicts exactly like the original', () => {
    const original = new TwoLayerNet(6, 5, 3, {
      activation: 'sigmoid',
      rng: createRng(101),
      weightInitStd: 0.3,
    });
    const saved = Object.fromEntries(
      Object.entries(original.params).map(([k, v]) => [k, clone(v)]),
    );
    const rebuilt = createNetwork(original.config, createRng(999));
    assert.ok(rebuilt instanceof TwoLayerNet);
    assert.deepEqual(rebuilt.config, original.config);
    assert.notDeepEqual(rebuilt.predict(x).toArray(), original.predict(x).toArray());
    const W1 = rebuilt.params.W1;
    loadParams(rebuilt, saved);
    assert.equal(rebuilt.params.W1, W1, 'loaded in place: the layers keep the same tensors');
    assert.deepEqual(rebuilt.predict(x).toArray(), original.predict(x).toArray());
  });

  test('a multi-layer config rebuilds the same architecture, and the same seed gives the same weights', () => {
    const opts = {
      inputSize: 6,
      hiddenSizes: [4, 4],
      outputSize: 3,
      weightDecay: 0.1,
      dropout: 0.2,
      weightInit: 'xavier' as const,
    };
    const original = new MultiLayerNet({ ...opts, rng: createRng(102) });
    const rebuilt = createNetwork(original.config, createRng(102));
    assert.ok(rebuilt instanceof MultiLayerNet);
    assert.deepEqual(rebuilt.config, original.config);
    assert.deepEqual(rebuilt.predict(x).toArray(), original.predict(x).toArray());
  });

  test('a simple config rebuilds a SimpleNet of the same size', () => {
    const net = createNetwork(new SimpleNet(createRng(103)).config, createRng(104));
    assert.ok(net instanceof SimpleNet);
    assert.deepEqual(net.params.W.shape, [2, 3]);
  });

  test('loadParams converts dtypes and refuses missing, extra or misshapen parameters', () => {
    const net = new TwoLayerNet(2, 2, 2, { dtype: 'float32' });
    const params = {
      W1: tensor([
        [1, 2],
        [3, 4],
      ]),
      b1: zeros([2]),
      W2: tensor([
        [0.5, 0],
        [0, 0.5],
      ]),
      b2: zeros([2]),
    };
    loadParams(net, params);
    assert.equal(net.params.W1.dtype, 'float32');
    assert.deepEqual(net.params.W1.toArray(), [
      [1, 2],
      [3, 4],
    ]);
    const { b2: _b2, ...missing } = params;
    assert.throws(() => loadParams(net, missing), /missing b2/);
    assert.throws(() => loadParams(net, { ...params, W3: zeros([1]) }), /unexpected W3/);
    assert.throws(
      () => loadParams(net, { ...params, W1: zeros([3, 2]) }),
      /W1 must have shape \(2, 2\), got \(3, 2\)/,
    );
  });

  test('configs that do not describe a network throw a ModelError', () => {
    const base = new TwoLayerNet(2, 2, 2).config;
    assert.throws(
      () => createNetwork({ ...base, hiddenSizes: [2, 2] }, createRng(0)),
      /needs 1 hidden size/,
    );
    assert.throws(() => createNetwork({ ...base, weightInit: 'he' }, createRng(0)), ModelError);
    assert.throws(
      () => createNetwork({ ...base, kind: 'cnn' as 'simple' }, createRng(0)),
      /kind must be/,
    );
  });
});
