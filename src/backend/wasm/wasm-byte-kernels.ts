import type { Backend } from '../backend.js';
import type { KernelModule } from './kernel-exports.js';
import { byteOffsetOf, WasmByteStorage } from './wasm-byte-storage.js';
import type { BlockRegistry, WasmHeap } from './wasm-heap.js';
import { failArg, type WasmScratch } from './wasm-scratch.js';
import { offsetOf } from './wasm-storage.js';

/** The byte methods of the WASM backend: dataset pixels as uint8 in WASM memory, batch gathering. */
export function byteKernels(
  heap: WasmHeap,
  scratch: WasmScratch,
  registry: BlockRegistry,
  mod: KernelModule,
): Required<Pick<Backend, 'allocBytes' | 'releaseBytes' | 'gatherBytesRows'>> {
  return {
    allocBytes(length) {
      const bytes = new WasmByteStorage(heap, length, heap.alloc(length));
      registry.register(bytes, { offset: bytes.offset, bytes: length }, bytes);
      return bytes;
    },
    releaseBytes(bytes) {
      const offset = byteOffsetOf('releaseBytes', 'bytes', bytes);
      (bytes as WasmByteStorage).markReleased();
      registry.unregister(bytes);
      heap.free(offset, bytes.length);
    },
    gatherBytesRows(src, cols, indices, count, divisor, out) {
      const name = 'gatherBytesRows';
      const ps = byteOffsetOf(name, 'src', src);
      const po = offsetOf(name, 'out', out, count * cols);
      // A float32 division by a divisor that float32 cannot hold would round differently from JS.
      if (out.dtype === 'float32' && Math.fround(divisor) !== divisor) {
        failArg(name, 'divisor', 'a number float32 holds exactly (255, 1, …)', `${divisor}`);
      }
      const rows = cols > 0 ? Math.floor(src.length / cols) : 0;
      const pi = scratch.indices(name, 'indices', count, rows, indices);
      const kernels = out.dtype === 'float64' ? mod.float64 : mod.float32;
      kernels.gatherBytesRows(ps, cols, pi, count, divisor, po);
    },
  };
}
