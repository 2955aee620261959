import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createNetwork } from '../../src/models/create-network.js';
import { Evaluator } from '../../src/train/evaluator.js';
import { networkConfigFor } from '../../src/train/network-config.js';
import { resolveTrainOptions } from '../../src/train/train-options.js';
import { createRng } from '../../src/tensor/rng.js';
import { fromArray } from '../../src/tensor/creation.js';
import { argmaxRows } from '../../src/tensor/ops/reduce.js';
import { softmaxRows } from '../../src/tensor/ops/softmax-rows.js';
import { syntheticImages } from './synthetic-data.js';
import { forEachBackend } from '../helpers/backends.js';

/** A synthetic 6×6 image set of 3 classes, an untrained network for it, and its rows as x. */
function synthetic(count: number, dataSeed: number, hidden: number, netSeed: number) {
  const ds = syntheticImages(count, dataSeed);
  const net = createNetwork(
    networkConfigFor(resolveTrainOptions({ hiddenSizes: [hidden] }), 36, 3),
    createRng(netSeed),
  );
  const x = fromArray(
    Float32Array.from(ds.images, (v) => v / 255),
    [ds.count, 36],
    { dtype: 'float32' },
  );
  return { ds, net, x };
}

forEachBackend(() => {
  test('chunked accuracy equals the accuracy of one pass over all samples, for any chunk size', () => {
    const { ds, net, x } = synthetic(103, 9, 7, 2);
    const whole = net.accuracy(x, Int32Array.from(ds.labels));
    for (const chunk of [1, 10, 50, 103, 500]) {
      assert.equal(new Evaluator(chunk, 'float32').accuracy(net, ds), whole, `chunk ${chunk}`);
    }
    assert.equal(new Evaluator(10, 'float32').correct(net, ds), Math.round(whole * 103));
  });

  test('classify gives each row its argmax class and softmax probability, for any chunk size', () => {
    const { ds, net, x } = synthetic(53, 4, 5, 3);
    const p = softmaxRows(net.predict(x, false));
    const best = argmaxRows(p);
    for (const chunk of [1, 20, 53, 100]) {
      const { predicted, probability } = new Evaluator(chunk, 'float32').classify(net, ds);
      assert.deepEqual([...predicted], [...best], `chunk ${chunk}`);
      for (let n = 0; n < ds.count; n++) {
        assert.ok(Math.abs(probability[n]! - p.data[n * 3 + best[n]!]!) < 1e-6, `row ${n}`);
        assert.ok(probability[n]! >= 1 / 3 - 1e-6, `row ${n}: the largest of 3 probabilities`);
      }
    }
  });
});
