import type { Backend, DType, KernelMethods, Storage } from '../backend.js';
import { kernelModule, kernelsWasmBytes, type KernelModule } from './kernel-exports.js';
import { WasmBackendError } from './wasm-backend-error.js';
import { byteKernels } from './wasm-byte-kernels.js';
import { WasmHeap } from './wasm-heap.js';
import type { BlockRegistry } from './wasm-heap.js';
import { WasmScratch } from './wasm-scratch.js';
import { sparseKernels } from './wasm-sparse-kernels.js';
import { WasmStorage, offsetOf as at } from './wasm-storage.js';
import { tableKernels } from './wasm-table-kernels.js';

/** The WASM backend: a Backend whose optional kernels are all present. */
export type WasmBackend = Backend &
  Required<
    Pick<
      Backend,
      | 'allocBytes'
      | 'releaseBytes'
      | 'gatherBytesRows'
      | 'allocRowIndex'
      | 'sparseRowsGemm'
      | 'sparseDensityLimit'
    >
  >;

/** True when this engine can compile the kernels (WebAssembly with 128-bit SIMD). */
export function wasmSimdSupported(): boolean {
  return typeof WebAssembly === 'object' && WebAssembly.validate(kernelsWasmBytes());
}

/**
 * The WebAssembly SIMD backend (f32x4 / f64x2 kernels compiled from assembly/), the default
 * in Node and in the browser. Storage lives in the module's linear memory: `release` frees it
 * at once; storage never released is freed after the garbage collector drops it.
 * @example
 * setBackend(await createWasmBackend());
 */
export async function createWasmBackend(): Promise<WasmBackend> {
  const { instance } = await WebAssembly.instantiate(checkedBytes(), {});
  return wasmBackendFrom(kernelModule(instance));
}

/**
 * The WASM backend, compiled synchronously: fine in Node and in Web Workers; a browser may
 * refuse to compile a large module synchronously on its main thread (use createWasmBackend).
 * @example
 * setBackend(createWasmBackendSync());
 */
export function createWasmBackendSync(): WasmBackend {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(checkedBytes()), {});
  return wasmBackendFrom(kernelModule(instance));
}

function checkedBytes(): Uint8Array<ArrayBuffer> {
  const bytes = kernelsWasmBytes();
  if (typeof WebAssembly !== 'object' || !WebAssembly.validate(bytes)) {
    throw new WasmBackendError(
      'createWasmBackend: this engine cannot compile the kernels: expected WebAssembly with ' +
        '128-bit SIMD (Node ≥ 16.4, Chrome ≥ 91, Firefox ≥ 89, Safari ≥ 16.4); use the js backend',
    );
  }
  return bytes;
}

function wasmBackendFrom(mod: KernelModule): WasmBackend {
  const heap = new WasmHeap(mod.memory, mod.heapBase);
  const scratch = new WasmScratch(heap);
  const registry: BlockRegistry = new FinalizationRegistry((block) =>
    heap.free(block.offset, block.bytes),
  );
  return {
    name: 'wasm',
    ...(tableKernels(mod, scratch) as unknown as KernelMethods),
    alloc(dtype: DType, length: number): Storage {
      const bytes = length * (dtype === 'float64' ? 8 : 4);
      const storage = new WasmStorage(heap, dtype, length, heap.alloc(bytes));
      registry.register(storage, { offset: storage.offset, bytes }, storage);
      return storage;
    },
    release(storage) {
      const offset = at('release', 'storage', storage, 0);
      const s = storage as WasmStorage;
      s.markReleased();
      registry.unregister(s);
      heap.free(offset, s.byteLength);
    },
    fill(x, value) {
      at('fill', 'x', x, 0);
      x.data.fill(value);
    },
    copy(src, dst) {
      at('copy', 'src', src, 0);
      at('copy', 'dst', dst, src.length, src.dtype);
      dst.data.set(src.data);
    },
    ...byteKernels(heap, scratch, registry, mod),
    ...sparseKernels(heap, scratch, registry, mod),
  };
}
