import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createJsBackend } from '../../src/backend/js/js-backend.js';
import { setBackend } from '../../src/backend/registry.js';
import { createWasmBackendSync } from '../../src/backend/wasm/wasm-backend.js';
import { fillImageBatch } from '../../src/data/dataset.js';
import { zeros } from '../../src/tensor/creation.js';
import { fillImages } from '../../src/train/image-batches.js';
import { syntheticImages } from './synthetic-data.js';

const previous = setBackend(createJsBackend());
after(() => setBackend(previous));

const ds = syntheticImages(50, 3, 5);
const indices = Int32Array.of(49, 0, 7, 7, 13);

for (const [name, make] of [
  ['js (fillImageBatch)', createJsBackend],
  ['wasm (gatherBytesRows)', createWasmBackendSync],
] as const) {
  for (const dtype of ['float32', 'float64'] as const) {
    test(`${name} ${dtype}: the batch holds the images at the indices scaled by 1/255, bit for bit`, () => {
      setBackend(make());
      const x = zeros([5, 25], { dtype });
      fillImages(ds, indices, 5, x);
      const expected = dtype === 'float32' ? new Float32Array(125) : new Float64Array(125);
      fillImageBatch(ds, indices, 5, expected);
      assert.deepEqual(Array.from(x.data), Array.from(expected));
      fillImages(ds, Int32Array.of(1, 2), 2, x); // a shorter batch into the same buffer
      const v = ds.images[25] / 255;
      assert.ok(v > 0);
      assert.equal(x.data[0], dtype === 'float32' ? Math.fround(v) : v);
    });
  }
}
