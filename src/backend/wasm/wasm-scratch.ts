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
   * Copies `rows` labels into the block and returns its offset. Each label is checked against
   * 0..cols−1: the kernels index with it, and a bad one would write outside dx.
   */
  labels(kernel: string, rows: number, cols: number, labels: Int32Array): number {
    if (labels.length < rows) failArg(kernel, 'labels', `${rows} labels`, `${labels.length}`);
    const at = this.block(rows * 4) >> 2;
    const mem = this.#ints();
    for (let r = 0; r < rows; r++) {
      const t = labels[r];
      if (!(t >= 0 && t < cols))
        failArg(kernel, `labels[${r}]`, `an index in 0..${cols - 1}`, `${t}`);
      mem[at + r] = t;
    }
    return at << 2;
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
