import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeSafetensors } from '../../src/io/safetensors.js';
import type { NetworkConfig } from '../../src/models/network.js';
import { CheckpointError, decodeCheckpoint, encodeCheckpoint } from '../../src/train/checkpoint.js';
import { resolveTrainOptions } from '../../src/train/train-options.js';
import type { TrainState } from '../../src/train/train-state.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend(() => {
  const config: NetworkConfig = {
    kind: 'two-layer',
    inputSize: 4,
    hiddenSizes: [3],
    outputSize: 2,
    activation: 'relu',
    weightDecay: 0,
    dropout: 0,
    dtype: 'float32',
  };

  function sampleState(): TrainState {
    return {
      options: resolveTrainOptions({ sampling: 'shuffle', seed: 5 }),
      iteration: 3,
      params: {
        W1: { shape: [4, 3], data: Float32Array.from({ length: 12 }, (_, i) => i / 7) },
        b1: { shape: [3], data: Float32Array.of(0.1, -0.2, Math.PI) },
      },
      optimizer: {
        name: 'Adam',
        step: 3,
        buffers: { 'm.W1': new Float32Array(12).fill(0.5), 'v.b1': Float32Array.of(1, 2, 3) },
      },
      rng: { s: [1, 2, 3, 4294967295], spareNormal: -0.123456789 },
      sampler: { order: Int32Array.of(4, 2, 0, 1, 3), cursor: 2 },
      history: {
        loss: [2.302585092994046, 1.1 / 3, 0.1 + 0.2],
        epochs: [
          {
            epoch: 0,
            iteration: 0,
            trainAccuracy: 0.1,
            testAccuracy: 1 / 3,
            validationAccuracy: null,
          },
        ],
      },
    };
  }

  test('a checkpoint decodes to the same state, bit for bit', () => {
    const state = sampleState();
    const decoded = decodeCheckpoint(encodeCheckpoint(state, config), 'c.safetensors');
    assert.deepEqual(decoded.config, config);
    assert.deepEqual(decoded.state.params.W1.shape, [4, 3]);
    assert.deepEqual(decoded.state.params.W1.data, state.params.W1.data);
    assert.deepEqual(decoded.state.params.b1.data, state.params.b1.data);
    assert.deepEqual(decoded.state.optimizer, state.optimizer);
    assert.deepEqual(decoded.state.rng, state.rng);
    assert.deepEqual(decoded.state.sampler, state.sampler);
    assert.deepEqual(decoded.state.history, state.history);
    assert.deepEqual(decoded.state.options, state.options);
    assert.equal(decoded.state.iteration, 3);
  });

  test('a safetensors file that is not a checkpoint is refused with the file name', () => {
    const model = encodeSafetensors(
      { W1: { dtype: 'F32', shape: [1], data: Float32Array.of(1) } },
      { format: 'gradlab' },
    );
    assert.throws(
      () => decodeCheckpoint(model, 'runs/x/model.safetensors'),
      (e: unknown) =>
        e instanceof CheckpointError &&
        /^runs\/x\/model\.safetensors: expected a gradlab checkpoint/.test(e.message),
    );
  });

  test('a checkpoint whose loss history does not match its iteration count is refused', () => {
    const state = { ...sampleState(), iteration: 4 };
    assert.throws(
      () => decodeCheckpoint(encodeCheckpoint(state, config), 'c'),
      /history\.loss holds 3 values for 4 iterations/,
    );
  });

  test('every truncation of a checkpoint ends in a typed error', () => {
    const bytes = encodeCheckpoint(sampleState(), config);
    for (let n = 0; n < bytes.length; n += 37) {
      assert.throws(
        () => decodeCheckpoint(bytes.subarray(0, n), 'c'),
        (e: unknown) =>
          e instanceof Error && ['SafetensorsError', 'CheckpointError'].includes(e.name),
        `truncated to ${n}`,
      );
    }
  });

  test('a checkpoint whose saved network config was edited by hand is refused, naming the field', () => {
    const edited = { ...config, hiddenSizes: [0] } as NetworkConfig;
    assert.throws(
      () =>
        decodeCheckpoint(encodeCheckpoint(sampleState(), edited), 'runs/x/checkpoint.safetensors'),
      (e: unknown) =>
        e instanceof CheckpointError &&
        /runs\/x\/checkpoint\.safetensors/.test(e.message) &&
        /saved config is invalid: hiddenSizes\[0\] must be a positive integer, got 0$/.test(
          e.message,
        ),
    );
  });
});
