import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gatherByteRows, zeros } from '../../src/tensor/index.js';
import { setBackend } from '../../src/backend/registry.js';
import { createWasmBackend } from '../../src/backend/wasm/wasm-backend.js';

const src = Uint8Array.from({ length: 5 * 7 }, (_, i) => (i * 37) % 256);
const indices = Int32Array.of(4, 0, 2);

test('gatherByteRows copies the indexed rows divided by the divisor', () => {
  const out = gatherByteRows(src, 7, indices, 3, 255, zeros([3, 7]));
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 7; j++) assert.equal(out.at(i, j), src[indices[i] * 7 + j] / 255);
  }
});

test('gatherByteRows gives the same float32 numbers on the WASM backend as in JS', async () => {
  const js = gatherByteRows(src, 7, indices, 3, 255, zeros([3, 7], { dtype: 'float32' }));
  const previous = setBackend(await createWasmBackend());
  try {
    const wasm = gatherByteRows(src, 7, indices, 3, 255, zeros([3, 7], { dtype: 'float32' }));
    assert.deepEqual([...wasm.data], [...js.data]);
  } finally {
    setBackend(previous);
  }
});

test('gatherByteRows rejects an index outside the rows, naming it', () => {
  assert.throws(
    () => gatherByteRows(src, 7, Int32Array.of(5), 1, 255, zeros([1, 7])),
    /index 5 at position 0 is outside 0\.\.4/,
  );
});
