import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkNetworkConfig } from '../../src/models/check-network-config.js';
import { createNetwork } from '../../src/models/create-network.js';
import { ModelError } from '../../src/models/model-error.js';
import { MultiLayerNet } from '../../src/models/multi-layer-net.js';
import {
  isNetworkKind,
  NETWORK_KIND_NAMES,
  NETWORK_KINDS,
  TRAINABLE_NETWORK_KINDS,
} from '../../src/models/network-kinds.js';
import type { NetworkConfig } from '../../src/models/network.js';
import { SimpleNet } from '../../src/models/simple-net.js';
import { TwoLayerNet } from '../../src/models/two-layer-net.js';
import { createRng } from '../../src/tensor/index.js';

const two = new TwoLayerNet(4, 3, 2).config;

test('the kinds are the table keys; training offers two-layer and multi-layer', () => {
  assert.deepEqual(NETWORK_KIND_NAMES, ['simple', 'two-layer', 'multi-layer']);
  assert.deepEqual(TRAINABLE_NETWORK_KINDS, ['two-layer', 'multi-layer']);
  assert.ok(isNetworkKind('simple') && !isNetworkKind('constructor'));
});

test("each network's own config passes, and createNetwork builds the table's class for it", () => {
  const configs = [
    new SimpleNet(createRng(1)).config,
    two,
    new MultiLayerNet({ inputSize: 4, hiddenSizes: [3, 3], outputSize: 2 }).config,
  ];
  for (const config of configs) {
    assert.equal(checkNetworkConfig(config), config);
    const net = createNetwork(config, createRng(2));
    assert.equal(net.constructor.name, NETWORK_KINDS[config.kind].label);
  }
});

test('each bad field is one ModelError line naming the field, the same from constructors, createNetwork and files', () => {
  const cases: [Partial<Record<keyof NetworkConfig, unknown>>, string][] = [
    [{ kind: 'conv' }, "kind must be one of simple, two-layer, multi-layer, got 'conv'"],
    [{ inputSize: 0 }, 'inputSize must be a positive integer, got 0'],
    [{ outputSize: '10' }, "outputSize must be a positive integer, got '10'"],
    [{ hiddenSizes: 5 }, 'hiddenSizes must be an array of positive integers, got 5'],
    [{ hiddenSizes: [3, 1.5] }, 'hiddenSizes[1] must be a positive integer, got 1.5'],
    [{ hiddenSizes: [3, 3] }, 'a two-layer config needs 1 hidden size, got [3, 3]'],
    [{ kind: 'simple' }, 'a simple config needs 0 hidden sizes, got [3]'],
    [
      { activation: 'gelu' },
      "activation must be one of relu, sigmoid, tanh, leakyRelu, got 'gelu'",
    ],
    [{ dtype: 'int8' }, "dtype must be float32 or float64, got 'int8'"],
    [{ weightDecay: -1 }, 'weightDecay must be a finite number ≥ 0, got -1'],
    [{ dropout: 1 }, 'dropout must be in [0, 1), got 1'],
    [{ weightInit: 'he' }, "a two-layer config's weightInit must be a finite σ ≥ 0, got 'he'"],
    [
      { kind: 'multi-layer', weightInit: 'lecun' },
      "weightInit must be 'std', 'he', 'xavier' or a finite σ ≥ 0, got 'lecun'",
    ],
  ];
  for (const [change, message] of cases) {
    const config = { ...two, ...change };
    assert.throws(
      () => checkNetworkConfig(config),
      (e: unknown) => e instanceof ModelError && e.message === message,
      message,
    );
    assert.throws(
      () => createNetwork(config as NetworkConfig, createRng(0)),
      (e: unknown) => e instanceof ModelError && e.message === `createNetwork: ${message}`,
    );
  }
  assert.throws(() => checkNetworkConfig(null), /the config must be an object, got null/);
  assert.throws(
    () => new MultiLayerNet({ inputSize: 4, hiddenSizes: [3], outputSize: 2, dropout: 1 }),
    (e: unknown) =>
      e instanceof ModelError && e.message === 'MultiLayerNet: dropout must be in [0, 1), got 1',
  );
});
