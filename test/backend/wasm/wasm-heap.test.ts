import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { WasmHeap } from '../../../src/backend/wasm/wasm-heap.js';

const heapOf = (pages = 1): WasmHeap =>
  new WasmHeap(new WebAssembly.Memory({ initial: pages }), 1000);

describe('WasmHeap', () => {
  it('returns 16-byte-aligned, zero-filled blocks above the base', () => {
    const heap = heapOf();
    const a = heap.alloc(3);
    const b = heap.alloc(100);
    assert.equal(a, 1008);
    assert.equal(b % 16, 0);
    assert.ok(b >= a + 16);
    new Uint8Array(heap.memory.buffer, b, 100).fill(7);
    heap.free(b, 100);
    const c = heap.alloc(100);
    assert.equal(c, b, 'the freed block is reused');
    assert.ok(
      new Uint8Array(heap.memory.buffer, c, 100).every((v) => v === 0),
      'and zero-filled again',
    );
  });

  it('merges neighbouring free blocks and lowers the top when the last block is freed', () => {
    const heap = heapOf();
    const a = heap.alloc(64);
    const b = heap.alloc(64);
    const c = heap.alloc(64);
    heap.free(a, 64);
    heap.free(b, 64);
    assert.equal(heap.alloc(128), a, 'a and b merged into one 128-byte block');
    heap.free(a, 128);
    heap.free(c, 64);
    assert.equal(heap.bytesInUse, 0);
    assert.equal(heap.alloc(16), a, 'everything merged back to the base');
  });

  it('grows the memory when nothing fits and counts the growths', () => {
    const heap = heapOf(1);
    const before = heap.memory.buffer;
    assert.equal(heap.generation, 0);
    const big = heap.alloc(200_000);
    assert.equal(heap.generation, 1);
    assert.equal(before.byteLength, 0, 'growth detaches the old buffer');
    assert.ok(heap.memory.buffer.byteLength >= big + 200_000);
    assert.ok(heap.peakBytes >= big + 200_000);
  });

  it('never hands out overlapping live blocks, whatever the order of allocs and frees', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constant(-1)), { maxLength: 60 }),
        fc.array(fc.nat()),
        (sizes, picks) => {
          const heap = heapOf();
          const live: [number, number][] = [];
          sizes.forEach((size, step) => {
            if (size < 0 && live.length > 0) {
              const [at, bytes] = live.splice((picks[step] ?? 0) % live.length, 1)[0];
              heap.free(at, bytes);
            } else if (size >= 0) {
              const at = heap.alloc(size);
              assert.equal(at % 16, 0);
              for (const [o, b] of live)
                assert.ok(at + Math.max(size, 1) <= o || o + Math.max(b, 1) <= at);
              live.push([at, size]);
            }
          });
          for (const [at, bytes] of live) heap.free(at, bytes);
          assert.equal(heap.bytesInUse, 0);
          assert.equal(heap.alloc(16), 1008, 'all memory is free again');
        },
      ),
      { numRuns: 200 },
    );
  });
});
