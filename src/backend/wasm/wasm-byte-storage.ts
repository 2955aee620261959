import type { ByteStorage } from '../backend.js';
import type { WasmHeap } from './wasm-heap.js';
import { failArg } from './wasm-scratch.js';

/**
 * Bytes in WebAssembly linear memory (a dataset's pixels). Like WasmStorage, `data` is a view
 * re-created after the memory grows.
 */
export class WasmByteStorage implements ByteStorage {
  #view: Uint8Array;
  #generation: number;
  #released = false;

  constructor(
    readonly heap: WasmHeap,
    readonly length: number,
    /** Byte offset of byte 0 (16-byte aligned). */
    readonly offset: number,
  ) {
    this.#generation = heap.generation;
    this.#view = new Uint8Array(heap.memory.buffer, offset, length);
  }

  get data(): Uint8Array {
    if (this.#generation !== this.heap.generation) {
      this.#generation = this.heap.generation;
      this.#view = new Uint8Array(this.heap.memory.buffer, this.offset, this.length);
    }
    return this.#view;
  }

  get released(): boolean {
    return this.#released;
  }

  /** Marks the bytes released. */
  markReleased(): void {
    this.#released = true;
  }
}

/** The byte offset of `s`, checked: bytes of this backend, not released. */
export function byteOffsetOf(kernel: string, arg: string, s: ByteStorage): number {
  if (!(s instanceof WasmByteStorage))
    failArg(kernel, arg, 'bytes of the wasm backend', 'bytes of another backend');
  if (s.released) failArg(kernel, arg, 'live bytes', 'bytes that were released');
  return s.offset;
}
