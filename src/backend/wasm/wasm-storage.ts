import type { DType, FloatArray, Storage } from '../backend.js';
import type { WasmHeap } from './wasm-heap.js';
import { failArg } from './wasm-scratch.js';

/**
 * Storage in WebAssembly linear memory: `offset` bytes into the kernel module's memory.
 * `data` is a typed view that is re-created after the memory grows (growth detaches the old
 * buffer), so read `data` again after any allocation rather than keeping the view.
 */
export class WasmStorage implements Storage {
  #view: FloatArray;
  #generation: number;
  #released = false;

  constructor(
    readonly heap: WasmHeap,
    readonly dtype: DType,
    readonly length: number,
    /** Byte offset of element 0 (16-byte aligned). */
    readonly offset: number,
  ) {
    this.#generation = heap.generation;
    this.#view = this.#makeView();
  }

  /** Bytes the storage occupies (before the allocator's rounding). */
  get byteLength(): number {
    return this.length * (this.dtype === 'float64' ? 8 : 4);
  }

  get data(): FloatArray {
    if (this.#generation !== this.heap.generation) {
      this.#generation = this.heap.generation;
      this.#view = this.#makeView();
    }
    return this.#view;
  }

  get released(): boolean {
    return this.#released;
  }

  /** Marks the storage released; returns false if it already was. */
  markReleased(): boolean {
    if (this.#released) return false;
    this.#released = true;
    return true;
  }

  #makeView(): FloatArray {
    const buffer = this.heap.memory.buffer;
    return this.dtype === 'float64'
      ? new Float64Array(buffer, this.offset, this.length)
      : new Float32Array(buffer, this.offset, this.length);
  }
}

/**
 * The byte offset of `s`, checked: a storage of this backend, not released, holding at least
 * `min` numbers, of `dtype` when given. A kernel that trusted a wrong size or dtype would read or
 * write other tensors' memory, so the check stays on (a few comparisons per call).
 */
export function offsetOf(
  kernel: string,
  arg: string,
  s: Storage,
  min: number,
  dtype?: DType,
): number {
  if (!(s instanceof WasmStorage))
    failArg(kernel, arg, 'storage of the wasm backend', 'storage of another backend');
  if (s.released) failArg(kernel, arg, 'live storage', 'storage that was released');
  if (s.length < min) failArg(kernel, arg, `at least ${min} numbers`, `${s.length}`);
  if (dtype !== undefined && s.dtype !== dtype) failArg(kernel, arg, dtype, s.dtype);
  return s.offset;
}
