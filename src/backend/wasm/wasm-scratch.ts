import { WasmBackendError } from './wasm-backend-error.js';
import type { WasmHeap } from './wasm-heap.js';

/**
 * One block of WASM memory for a kernel's temporary data (gemm's packed operands, labels,
 * argmax results), grown by half again when a call needs more and reused otherwise, so a
 * training step allocates nothing.
 */
export class WasmScratch {
  #offset = 0;
  #bytes = 0;
  #i32: Int32Array;
  #generation: number;

  constructor(readonly heap: WasmHeap) {
    this.#i32 = new Int32Array(heap.memory.buffer);
    this.#generation = heap.generation;
  }

  /** The offset of a block of at least `bytes` bytes (valid until the next call). */
  block(bytes: number): number {
    if (bytes > this.#bytes) {
      if (this.#bytes > 0) this.heap.free(this.#offset, this.#bytes);
      this.#bytes = Math.max(bytes, Math.ceil(this.#bytes * 1.5));
      this.#offset = this.heap.alloc(this.#bytes);
    }
    return this.#offset;
  }

  /**
   * Copies `count` indices into the block and returns its offset. Each is checked against
   * 0..limit−1: the kernels index memory with them, and a bad one would read or write outside
   * the tensors (labels index dx; row indices index a dataset).
   */
  indices(kernel: string, arg: string, count: number, limit: number, values: Int32Array): number {
    const at = this.block(count * 4);
    this.writeIndices(at, kernel, arg, count, limit, values);
    return at;
  }

  /** Like indices(), into the block at byte offset `at` (a part of the current block). */
  writeIndices(
    at: number,
    kernel: string,
    arg: string,
    count: number,
    limit: number,
    values: Int32Array,
  ): void {
    if (values.length < count) failArg(kernel, arg, `${count} indices`, `${values.length}`);
    const base = at >> 2;
    const mem = this.#ints();
    for (let i = 0; i < count; i++) {
      const v = values[i];
      if (!(v >= 0 && v < limit))
        failArg(kernel, `${arg}[${i}]`, `an index in 0..${limit - 1}`, `${v}`);
      mem[base + i] = v;
    }
  }

  /** Copies `count` int32 values from byte offset `at` into out. */
  readInts(at: number, count: number, out: Int32Array): void {
    const mem = this.#ints();
    const base = at >> 2;
    for (let i = 0; i < count; i++) out[i] = mem[base + i];
  }

  #ints(): Int32Array {
    if (this.#generation !== this.heap.generation) {
      this.#i32 = new Int32Array(this.heap.memory.buffer);
      this.#generation = this.heap.generation;
    }
    return this.#i32;
  }
}

/** Throws the backend's error for a bad argument: kernel, argument, expected, found. */
export function failArg(kernel: string, arg: string, expected: string, found: string): never {
  throw new WasmBackendError(
    `wasm backend ${kernel}: argument ${arg}: expected ${expected}, found ${found}`,
  );
}
