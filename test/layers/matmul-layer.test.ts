import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createJsBackend } from '../../src/backend/js/js-backend.js';
import { setBackend } from '../../src/backend/registry.js';
import { createWasmBackendSync } from '../../src/backend/wasm/wasm-backend.js';
import { LayerError } from '../../src/layers/layer-error.js';
import { MatMul } from '../../src/layers/matmul-layer.js';
import { createRng, randn, tensor } from '../../src/tensor/index.js';
import { assertLayerGradients } from '../helpers/gradcheck.js';

test('the doc example: x·W and dout·Wᵀ for a 1-D sample', () => {
  const layer = new MatMul(
    tensor([
      [1, 2],
      [3, 4],
    ]),
  );
  assert.deepEqual(layer.forward(tensor([1, 1])).toArray(), [4, 6]);
  assert.deepEqual(layer.backward(tensor([1, 0])).toArray(), [1, 3]);
  assert.deepEqual(layer.grads.W.toArray(), [
    [1, 0],
    [1, 0],
  ]);
});

for (const [backend, make] of [
  ['js', createJsBackend],
  ['wasm', createWasmBackendSync],
] as const) {
  test(`backward matches the numerical gradient in float64 on ${backend}, for a batch and one sample`, () => {
    const previous = setBackend(make());
    try {
      const rng = createRng(40);
      const layer = new MatMul(randn([5, 3], rng));
      assertLayerGradients(layer, randn([7, 5], rng), { rng });
      assertLayerGradients(layer, randn([5], rng), { rng });
    } finally {
      setBackend(previous);
    }
  });
}

test('a W that is not 2-D, an x of the wrong width and backward before forward throw', () => {
  assert.throws(() => new MatMul(tensor([1, 2])), LayerError);
  assert.throws(
    () => new MatMul(tensor([[1, 2]])).forward(tensor([[1, 2]])),
    /x must be float64 \(N, 1\) or \(1\)/,
  );
  assert.throws(
    () => new MatMul(tensor([[1, 2]])).backward(tensor([[1, 2]])),
    /called before forward/,
  );
});
