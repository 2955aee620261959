import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createNetwork } from '../../src/models/create-network.js';
import { Evaluator } from '../../src/train/evaluator.js';
import { networkConfigFor } from '../../src/train/network-config.js';
import { resolveTrainOptions } from '../../src/train/train-options.js';
import { createRng } from '../../src/tensor/rng.js';
import { fromArray } from '../../src/tensor/creation.js';
import { syntheticImages } from './synthetic-data.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend(() => {
  test('chunked accuracy equals the accuracy of one pass over all samples, for any chunk size', () => {
    const ds = syntheticImages(103, 9);
    const net = createNetwork(
      networkConfigFor(resolveTrainOptions({ hiddenSizes: [7] }), 36, 3),
      createRng(2),
    );
    const x = fromArray(
      Float32Array.from(ds.images, (v) => v / 255),
      [ds.count, 36],
      { dtype: 'float32' },
    );
    const whole = net.accuracy(x, Int32Array.from(ds.labels));
    for (const chunk of [1, 10, 50, 103, 500]) {
      assert.equal(new Evaluator(chunk, 'float32').accuracy(net, ds), whole, `chunk ${chunk}`);
    }
    assert.equal(new Evaluator(10, 'float32').correct(net, ds), Math.round(whole * 103));
  });
});
