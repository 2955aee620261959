import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createJsBackend } from '../../src/backend/js/js-backend.js';
import { setBackend } from '../../src/backend/registry.js';
import { createWasmBackendSync } from '../../src/backend/wasm/wasm-backend.js';
import { fillImageBatch } from '../../src/data/dataset.js';
import { zeros } from '../../src/tensor/creation.js';
import { imageDataset } from '../../src/data/image-source.js';
import { syntheticImages } from '../train/synthetic-data.js';

const previous = setBackend(createJsBackend());
after(() => setBackend(previous));

const ds = syntheticImages(50, 3, 5);
const source = imageDataset(ds);
const t = new Int32Array(5);
const indices = Int32Array.of(49, 0, 7, 7, 13);

for (const [name, make] of [
  ['js (fillImageBatch)', createJsBackend],
  ['wasm (gatherBytesRows)', createWasmBackendSync],
] as const) {
  for (const dtype of ['float32', 'float64'] as const) {
    test(`${name} ${dtype}: the batch holds the images at the indices scaled by 1/255, bit for bit, and their labels`, () => {
      setBackend(make());
      const x = zeros([5, 25], { dtype });
      source.fillBatch(indices, 5, x, t);
      assert.deepEqual(
        Array.from(t),
        Array.from(indices, (k) => ds.labels[k]),
      );
      const expected = dtype === 'float32' ? new Float32Array(125) : new Float64Array(125);
      fillImageBatch(ds, indices, 5, expected);
      assert.deepEqual(Array.from(x.data), Array.from(expected));
      source.fillBatch(Int32Array.of(1, 2), 2, x, t); // a shorter batch into the same buffer
      const v = ds.images[25] / 255;
      assert.ok(v > 0);
      assert.equal(x.data[0], dtype === 'float32' ? Math.fround(v) : v);
    });
  }
}

test('an image source describes its rows and refuses float targets and out-of-range rows', () => {
  assert.equal(source.count, 50);
  assert.equal(source.features, 25);
  assert.deepEqual(source.target, { kind: 'class', classes: 3 });
  const x = zeros([2, 25]);
  assert.throws(() => source.fillBatch(Int32Array.of(0, 1), 2, x, zeros([2, 1])), /Int32Array/);
  assert.throws(() => source.fillBatch(Int32Array.of(0, 50), 2, x, t), /indices\[1\] is 50/);
  assert.deepEqual(Array.from(source.subset([4, 2]).images.labels), [ds.labels[4], ds.labels[2]]);
});
