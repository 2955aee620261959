import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AllocationError, formatByteSize } from '../../src/backend/allocation-error.js';
import { createJsBackend } from '../../src/backend/js/js-backend.js';
import { WasmHeap } from '../../src/backend/wasm/wasm-heap.js';

test('the JS backend turns a typed array it cannot make into an AllocationError with the size', () => {
  assert.throws(
    () => createJsBackend().alloc('float32', 2 ** 40),
    (e: unknown) =>
      e instanceof AllocationError &&
      /cannot allocate 1099511627776 float32 values \(4096\.0 GiB\)/.test(e.message),
  );
});

test('the WASM heap turns memory it cannot grow into an AllocationError with both sizes', () => {
  const heap = new WasmHeap(new WebAssembly.Memory({ initial: 1, maximum: 2 }), 0);
  heap.alloc(1000);
  assert.throws(
    () => heap.alloc(1 << 20),
    (e: unknown) =>
      e instanceof AllocationError &&
      /cannot grow WebAssembly memory from 65536 bytes to 1\.0 MiB/.test(e.message),
  );
});

test('byte sizes read as bytes, MiB or GiB', () => {
  assert.equal(formatByteSize(512), '512 bytes');
  assert.equal(formatByteSize(3 * 2 ** 20), '3.0 MiB');
  assert.equal(formatByteSize(2 ** 31), '2.0 GiB');
});
