import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Storage } from '../../../src/backend/backend.js';
import { createJsBackend } from '../../../src/backend/js/js-backend.js';
import { WasmBackendError } from '../../../src/backend/wasm/wasm-backend-error.js';
import {
  createWasmBackend,
  createWasmBackendSync,
  wasmSimdSupported,
} from '../../../src/backend/wasm/wasm-backend.js';
import { WasmStorage } from '../../../src/backend/wasm/wasm-storage.js';
import { runBackendConformance } from '../conformance.js';

runBackendConformance('wasm', () => createWasmBackend());

const heapOf = (s: Storage) => (s as WasmStorage).heap;

describe('wasm backend memory', () => {
  it('is available in this engine and can be created synchronously', () => {
    assert.equal(wasmSimdSupported(), true);
    assert.equal(createWasmBackendSync().name, 'wasm');
  });

  it('re-creates a storage view after the memory grows, keeping the numbers', () => {
    const b = createWasmBackendSync();
    const x = b.alloc('float32', 5);
    x.data.set([1, 2, 3, 4, 5]);
    const oldView = x.data;
    const generation = heapOf(x).generation;
    b.alloc('float64', 2_000_000); // 16 MB: more than the memory holds
    assert.ok(heapOf(x).generation > generation, 'the memory grew');
    assert.equal(oldView.length, 0, 'the old view is detached');
    assert.deepEqual([...x.data], [1, 2, 3, 4, 5]);
  });

  it('reuses released memory, and rejects released or foreign storage with a clear error', () => {
    const b = createWasmBackendSync();
    const x = b.alloc('float64', 100);
    const offset = (x as WasmStorage).offset;
    b.release(x);
    assert.throws(() => b.release(x), WasmBackendError);
    assert.throws(
      () => b.fill(x, 1),
      /fill: argument x: expected live storage, found storage that was released/,
    );
    const y = b.alloc('float64', 100);
    assert.equal((y as WasmStorage).offset, offset);
    const foreign = createJsBackend().alloc('float64', 100);
    assert.throws(
      () => b.copy(foreign, y),
      /copy: argument src: expected storage of the wasm backend/,
    );
    assert.throws(
      () => b.gemm(false, false, 10, 10, 10, y, y, b.alloc('float64', 99), false),
      /argument c: expected at least 100 numbers, found 99/,
    );
  });

  it('rejects labels outside 0..C−1 instead of writing outside dx', () => {
    const b = createWasmBackendSync();
    const y = b.alloc('float32', 6);
    const dx = b.alloc('float32', 6);
    assert.throws(
      () => b.softmaxCrossEntropyBackward(2, 3, y, Int32Array.of(0, 3), 1, dx),
      /labels\[1\]: expected an index in 0..2, found 3/,
    );
    assert.throws(
      () => b.softmaxCrossEntropy(2, 3, y, Int32Array.of(1), dx),
      /argument labels: expected 2 indices, found 1/,
    );
  });

  it('gatherBytesRows rejects rows outside the source and divisors float32 cannot hold', () => {
    const b = createWasmBackendSync();
    const src = b.allocBytes(10);
    const out = b.alloc('float32', 10);
    assert.throws(
      () => b.gatherBytesRows(src, 5, Int32Array.of(0, 2), 2, 255, out),
      /indices\[1\]: expected an index in 0..1, found 2/,
    );
    assert.throws(
      () => b.gatherBytesRows(src, 5, Int32Array.of(0), 1, 0.1, out),
      /divisor: expected a number float32 holds exactly/,
    );
    b.releaseBytes(src);
    assert.throws(
      () => b.gatherBytesRows(src, 5, Int32Array.of(0), 1, 255, out),
      /expected live bytes/,
    );
  });

  it('allocates no memory in repeated kernel calls once the scratch is sized', () => {
    const b = createWasmBackendSync();
    const x = b.alloc('float32', 100 * 784);
    const w = b.alloc('float32', 784 * 50);
    const h = b.alloc('float32', 100 * 50);
    const dw = b.alloc('float32', 784 * 50);
    const t = new Int32Array(100);
    const step = () => {
      b.gemm(false, false, 100, 50, 784, x, w, h, false);
      b.gemm(true, false, 784, 50, 100, x, h, dw, false);
      b.gemm(false, true, 100, 784, 50, h, w, x, false);
      b.softmaxCrossEntropy(100, 50, h, t, h);
      b.axpy(-0.1, dw, w);
    };
    step();
    const heap = heapOf(x);
    const [inUse, peak] = [heap.bytesInUse, heap.peakBytes];
    for (let i = 0; i < 5; i++) step();
    assert.deepEqual([heap.bytesInUse, heap.peakBytes], [inUse, peak]);
  });

  it('frees storage that is never released once the garbage collector drops it', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const b = createWasmBackendSync();
    const probe = b.alloc('float32', 1);
    const heap = heapOf(probe);
    const before = heap.bytesInUse;
    (() => {
      for (let i = 0; i < 10; i++) b.alloc('float32', 10_000);
    })();
    assert.ok(heap.bytesInUse >= before + 400_000);
    for (let i = 0; i < 10 && heap.bytesInUse > before; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.equal(heap.bytesInUse, before);
  });
});
