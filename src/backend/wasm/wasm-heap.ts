import { AllocationError, formatByteSize } from '../allocation-error.js';

/**
 * A first-fit allocator over WebAssembly linear memory, run from JS: the kernels never allocate.
 * Blocks are 16-byte aligned (v128 loads stay aligned) and at least 16 bytes long; freed blocks
 * are kept sorted by offset and merged with their neighbours, and a block that ends at the top
 * lowers the top, so a training loop that frees and reallocates the same sizes reuses the same
 * memory. Memory grows (by at least half again) when nothing fits; every growth detaches the
 * old ArrayBuffer, so views must be re-created: `generation` counts growths.
 * @example
 * const heap = new WasmHeap(new WebAssembly.Memory({ initial: 1 }), 1024);
 * const p = heap.alloc(400); // a 16-byte-aligned offset, zero-filled
 * p % 16; // → 0
 * heap.free(p, 400);
 */
export class WasmHeap {
  #top: number;
  #peak: number;
  #inUse = 0;
  #generation = 0;
  #bytes: Uint8Array;
  // Free blocks, sorted by offset: parallel arrays avoid an object per block.
  readonly #freeOffsets: number[] = [];
  readonly #freeSizes: number[] = [];

  constructor(
    readonly memory: WebAssembly.Memory,
    base: number,
  ) {
    this.#top = align(base);
    this.#peak = this.#top;
    this.#bytes = new Uint8Array(memory.buffer);
  }

  /** Increases by one each time the memory grows (and every view of it is detached). */
  get generation(): number {
    return this.#generation;
  }

  /** Bytes in live blocks. */
  get bytesInUse(): number {
    return this.#inUse;
  }

  /** The highest top ever reached: the memory the heap has needed, in bytes. */
  get peakBytes(): number {
    return this.#peak;
  }

  /** A zero-filled block of at least `bytes` bytes; returns its offset. */
  alloc(bytes: number): number {
    const size = blockSize(bytes);
    let offset = this.#takeFree(size);
    if (offset < 0) {
      offset = this.#top;
      this.#ensure(offset + size);
      this.#top = offset + size;
      if (this.#top > this.#peak) this.#peak = this.#top;
    }
    this.#inUse += size;
    this.#bytes.fill(0, offset, offset + size);
    return offset;
  }

  /** Gives back a block from `alloc(bytes)` with the same `bytes`. */
  free(offset: number, bytes: number): void {
    const size = blockSize(bytes);
    this.#inUse -= size;
    const offs = this.#freeOffsets;
    const sizes = this.#freeSizes;
    let lo = 0;
    let hi = offs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (offs[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    let start = offset;
    let end = offset + size;
    if (lo > 0 && offs[lo - 1] + sizes[lo - 1] === start) {
      lo--;
      start = offs[lo];
      offs.splice(lo, 1);
      sizes.splice(lo, 1);
    }
    if (lo < offs.length && offs[lo] === end) {
      end += sizes[lo];
      offs.splice(lo, 1);
      sizes.splice(lo, 1);
    }
    if (end === this.#top) {
      this.#top = start;
      return;
    }
    offs.splice(lo, 0, start);
    sizes.splice(lo, 0, end - start);
  }

  #takeFree(size: number): number {
    const offs = this.#freeOffsets;
    const sizes = this.#freeSizes;
    for (let i = 0; i < offs.length; i++) {
      if (sizes[i] < size) continue;
      const offset = offs[i];
      if (sizes[i] === size) {
        offs.splice(i, 1);
        sizes.splice(i, 1);
      } else {
        offs[i] += size;
        sizes[i] -= size;
      }
      return offset;
    }
    return -1;
  }

  #ensure(end: number): void {
    const have = this.memory.buffer.byteLength;
    if (end <= have) return;
    const want = Math.max(end, Math.ceil(have * 1.5));
    try {
      this.memory.grow(Math.ceil((want - have) / PAGE));
    } catch (cause) {
      throw new AllocationError(
        `wasm backend: cannot grow WebAssembly memory from ${formatByteSize(have)} to ${formatByteSize(want)} ` +
          `(at most 4 GiB, and only what the engine grants); expected smaller tensors (a smaller network or batch), or use the js backend`,
        { cause },
      );
    }
    this.#bytes = new Uint8Array(this.memory.buffer);
    this.#generation++;
  }
}

/** Frees the block of a storage that the garbage collector dropped without a release. */
export type BlockRegistry = FinalizationRegistry<{
  readonly offset: number;
  readonly bytes: number;
}>;

const PAGE = 65536;

function align(n: number): number {
  return Math.ceil(n / 16) * 16; // arithmetic, not bit masks: offsets may pass 2^31
}

function blockSize(bytes: number): number {
  return Math.max(16, align(bytes));
}
