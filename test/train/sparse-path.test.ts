import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Backend } from '../../src/backend/backend.js';
import { createJsBackend } from '../../src/backend/js/js-backend.js';
import { setBackend } from '../../src/backend/registry.js';
import { createWasmBackendSync } from '../../src/backend/wasm/wasm-backend.js';
import { createRng } from '../../src/tensor/rng.js';
import { prepareTraining } from '../../src/train/prepare-training.js';
import { resolveTrainOptions } from '../../src/train/train-options.js';
import { syntheticImages } from './synthetic-data.js';

const previous = setBackend(createJsBackend());
after(() => setBackend(previous));

/** Synthetic images with ~80% of their pixels set to 0, as MNIST's are. */
function sparseImages(count: number, seed: number) {
  const ds = syntheticImages(count, seed, 8);
  const rng = createRng(seed + 1);
  const images = ds.images.map((v) => (rng.next() < 0.75 ? 0 : v));
  return { ...ds, images };
}

/** Trains 60 steps and returns the parameters' bytes and the accuracies. */
function run(backend: Backend, dtype: 'float32' | 'float64', calls: { n: number }) {
  const counted = backend.sparseRowsGemm;
  setBackend(
    counted === undefined
      ? backend
      : {
          ...backend,
          sparseRowsGemm: (...a: Parameters<typeof counted>) => (calls.n++, counted(...a)),
        },
  );
  const options = resolveTrainOptions({
    iterations: 60,
    batchSize: 20,
    hiddenSizes: [16],
    dtype,
    seed: 3,
  });
  const r = prepareTraining(options, { train: sparseImages(300, 1), test: sparseImages(100, 2) });
  for (let i = 0; i < 60; i++) r.step();
  const bytes = Object.values(r.network.params).map((p) => Buffer.from(p.data.slice().buffer));
  return { bytes: Buffer.concat(bytes), accuracy: r.measure() };
}

for (const [name, make] of [
  ['js', createJsBackend],
  ['wasm', createWasmBackendSync],
] as const) {
  for (const dtype of ['float32', 'float64'] as const) {
    test(`${name} ${dtype}: the sparse first layer trains to the dense path's bytes and accuracies`, () => {
      const calls = { n: 0 };
      const sparse = run({ ...make(), sparseDensityLimit: 1 }, dtype, calls);
      const dense = run({ ...make(), sparseRowsGemm: undefined }, dtype, { n: 0 });
      assert.ok(calls.n >= 120, `the sparse kernels ran (${calls.n} calls)`);
      assert.deepEqual(sparse.accuracy, dense.accuracy);
      assert.ok(sparse.bytes.equals(dense.bytes), 'same bytes');
    });
  }
}
