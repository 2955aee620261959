import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeSafetensors } from '../../src/io/safetensors.js';
import { ACTIVATION_NAMES } from '../../src/models/activations.js';
import { createNetwork } from '../../src/models/create-network.js';
import { SimpleNet } from '../../src/models/simple-net.js';
import { CHECKPOINT_FORMAT } from '../../src/train/checkpoint.js';
import { encodeModel, loadModel, ModelFileError } from '../../src/train/model-file.js';
import { networkConfigFor } from '../../src/train/network-config.js';
import { resolveTrainOptions } from '../../src/train/train-options.js';
import { createRng } from '../../src/tensor/rng.js';
import { randn } from '../../src/tensor/creation.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend(() => {
  function network(input = {}) {
    return createNetwork(
      networkConfigFor(resolveTrainOptions({ hiddenSizes: [5], ...input }), 6, 3),
      createRng(4),
    );
  }

  test('a saved model loads back with the same config and parameters, bit for bit', () => {
    for (const input of [
      {},
      {
        model: 'multi-layer' as const,
        hiddenSizes: [5, 4],
        activation: 'sigmoid' as const,
        dtype: 'float64' as const,
      },
    ]) {
      const a = network(input);
      const b = loadModel(encodeModel(a), 'm.safetensors');
      assert.deepEqual(b.config, a.config);
      for (const k of Object.keys(a.params))
        assert.deepEqual(b.params[k].data, a.params[k].data, k);
      const x = randn([2, 6], createRng(1), { dtype: a.config.dtype });
      assert.deepEqual(b.predict(x).data, a.predict(x).data);
    }
  });

  test('a saved SimpleNet loads back as a SimpleNet with the same W (it used to be refused)', () => {
    for (const dtype of ['float64', 'float32'] as const) {
      const net = new SimpleNet(randn([4, 3], createRng(5), { dtype }));
      const back = loadModel(encodeModel(net), 'simple.safetensors');
      assert.ok(back instanceof SimpleNet);
      assert.deepEqual(back.config, net.config);
      assert.deepEqual(back.params.W.data, net.params.W.data);
      const x = randn([2, 4], createRng(6), { dtype });
      assert.deepEqual(back.predict(x).data, net.predict(x).data);
    }
  });

  test('every activation of the table survives a save and load', () => {
    for (const activation of ACTIVATION_NAMES) {
      const a = network({ model: 'multi-layer' as const, hiddenSizes: [5, 4], activation });
      const b = loadModel(encodeModel(a), 'm.safetensors');
      assert.equal(b.config.activation, activation);
      const x = randn([2, 6], createRng(7), { dtype: a.config.dtype });
      assert.deepEqual(b.predict(x).data, a.predict(x).data);
    }
  });

  test('a file without gradlab metadata gets its architecture from the shapes (PyTorch-written)', () => {
    const a = network();
    const tensors = Object.fromEntries(
      Object.entries(a.params).map(([k, p]) => [
        k,
        { dtype: 'F32' as const, shape: [...p.shape], data: Float32Array.from(p.data) },
      ]),
    );
    const b = loadModel(encodeSafetensors(tensors), 'torch.safetensors');
    assert.equal(b.config.kind, 'two-layer');
    assert.deepEqual([b.config.inputSize, ...b.config.hiddenSizes, b.config.outputSize], [6, 5, 3]);
  });

  test('missing, misshaped or unexpected tensors are named with the file', () => {
    const a = network();
    const base = Object.fromEntries(
      Object.entries(a.params).map(([k, p]) => [
        k,
        { dtype: 'F32' as const, shape: [...p.shape], data: Float32Array.from(p.data) },
      ]),
    );
    const meta = { format: 'gradlab', config: JSON.stringify(a.config) };
    const cases: [Record<string, (typeof base)[string]>, RegExp][] = [
      [
        { ...base, b2: { dtype: 'F32', shape: [4], data: new Float32Array(4) } },
        /^m: tensor b2 is \(4,\), expected \(3,\)$/,
      ],
      [
        Object.fromEntries(Object.entries(base).filter(([k]) => k !== 'W2')),
        /^m: tensor W2 is missing$/,
      ],
      [{ ...base, W3: base.W2 }, /^m: unexpected tensor W3/],
    ];
    for (const [tensors, re] of cases) {
      assert.throws(
        () => loadModel(encodeSafetensors(tensors, meta), 'm'),
        (e: unknown) => e instanceof ModelFileError && re.test(e.message),
        String(re),
      );
    }
    assert.throws(
      () => loadModel(encodeSafetensors(base, { config: '{"kind":"conv"}' }), 'm'),
      /m: the architecture in the file is invalid: kind must be one of simple, two-layer, multi-layer, got 'conv'$/,
    );
    assert.throws(
      () => loadModel(encodeSafetensors(base, { config: '{' }), 'm'),
      /config is not valid JSON/,
    );
  });

  test('a checkpoint given as a model is refused in library words, with no command-line flag', () => {
    const bytes = encodeSafetensors({}, { format: CHECKPOINT_FORMAT });
    assert.throws(
      () => loadModel(bytes, 'runs/a/checkpoint.safetensors'),
      (e: unknown) =>
        e instanceof ModelFileError &&
        /training checkpoint/.test(e.message) &&
        /model\.safetensors/.test(e.message) &&
        !/--[a-z]|\btrain\b/.test(e.message),
    );
  });
});
