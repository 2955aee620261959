import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillImageBatch, fillLabelBatch } from '../../src/data/dataset.js';
import { TwoLayerNet } from '../../src/models/two-layer-net.js';
import { VariableTwoLayerNet } from '../../src/models/variable-two-layer-net.js';
import { loadDataset } from '../../src/platform/node/datasets.js';
import { axpyInPlace, createRng, fromArray, type Tensor } from '../../src/tensor/index.js';
import { onEachBackend } from '../helpers/backends.js';

const { train, test: testSet } = loadDataset('mnist');

function batch(ds: typeof train, start: number, size: number): { x: Tensor; t: Int32Array } {
  const indices = Int32Array.from({ length: size }, (_, i) => start + i);
  const pixels = fillImageBatch(ds, indices, size, new Float64Array(size * 784));
  return {
    x: fromArray(pixels, [size, 784]),
    t: fillLabelBatch(ds, indices, size, new Int32Array(size)),
  };
}

/** maxᵢ |aᵢ − bᵢ| / maxᵢ |bᵢ|: the difference on the scale of the gradient (0 when equal). */
function maxRelDiff(a: Tensor, b: Tensor): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < a.size; i++) {
    diff = Math.max(diff, Math.abs(a.data[i] - b.data[i]));
    scale = Math.max(scale, Math.abs(b.data[i]));
  }
  return diff / scale;
}

for (const activation of ['relu', 'sigmoid'] as const) {
  test(`a ${activation} two-layer net written with Variable gives TwoLayerNet.gradient's loss and gradients to 1e-12 on MNIST batches, on js and wasm`, () => {
    onEachBackend((backend) => {
      const net = new TwoLayerNet(784, 50, 10, {
        activation,
        weightInitStd: 0.1,
        rng: createRng(3),
      });
      const graphNet = new VariableTwoLayerNet(net.params as never, activation);
      for (const start of [0, 100, 5000]) {
        const { x, t } = batch(train, start, 100);
        const layers = net.gradient(x, t);
        const lossL = layers.loss;
        const gradsL = Object.fromEntries(
          Object.entries(layers.grads).map(([k, v]) => [k, fromArray(v.data, v.shape)]),
        );
        const graph = graphNet.gradient(x, t);
        assert.ok(
          Math.abs(graph.loss - lossL) <= 1e-12 * Math.abs(lossL),
          `${backend} loss ${graph.loss} vs ${lossL}`,
        );
        for (const k of ['W1', 'b1', 'W2', 'b2']) {
          const d = maxRelDiff(graph.grads[k], gradsL[k]);
          assert.ok(
            d <= 1e-12,
            `${backend} batch ${start}: ${k} differs by ${d.toExponential(2)} relative`,
          );
        }
      }
    });
  });
}

test('one epoch of SGD gives the same test accuracy with Variable as with the layers (wasm)', () => {
  onEachBackend((backend) => {
    if (backend !== 'wasm') return;
    const layerNet = new TwoLayerNet(784, 50, 10, { rng: createRng(0) });
    const graphNet = new VariableTwoLayerNet(
      new TwoLayerNet(784, 50, 10, { rng: createRng(0) }).params as never,
    );
    const lr = 0.1;
    for (let start = 0; start < train.count; start += 100) {
      const { x, t } = batch(train, start, 100);
      const gl = layerNet.gradient(x, t).grads;
      for (const k of ['W1', 'b1', 'W2', 'b2']) axpyInPlace(layerNet.params[k], -lr, gl[k]);
      const gg = graphNet.gradient(x, t).grads;
      for (const [k, v] of Object.entries(graphNet.params)) axpyInPlace(v.data, -lr, gg[k]);
    }
    const { x, t } = batch(testSet, 0, testSet.count);
    const accL = layerNet.accuracy(x, t);
    const accG = graphNet.accuracy(x, t);
    assert.ok(accL > 0.85, `the layer net learned (${accL})`);
    assert.equal(accG, accL);
  });
});
