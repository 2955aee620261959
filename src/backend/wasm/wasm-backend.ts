import type { Backend, DType, Storage } from '../backend.js';
import { binaryOpCodes, kernelModule, kernelsWasmBytes, unaryOpCodes } from './kernel-exports.js';
import type { DTypeKernels, KernelModule } from './kernel-exports.js';
import { WasmBackendError } from './wasm-backend-error.js';
import { byteKernels } from './wasm-byte-kernels.js';
import { WasmHeap } from './wasm-heap.js';
import type { BlockRegistry } from './wasm-heap.js';
import { WasmScratch, failArg } from './wasm-scratch.js';
import { WasmStorage, offsetOf as at } from './wasm-storage.js';

/** The WASM backend: a Backend whose optional byte kernels are all present. */
export type WasmBackend = Backend &
  Required<Pick<Backend, 'allocBytes' | 'releaseBytes' | 'gatherBytesRows'>>;

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
  const kernels = (s: Storage): DTypeKernels => (s.dtype === 'float64' ? mod.float64 : mod.float32);

  return {
    name: 'wasm',
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
    gemm(transA, transB, m, n, k, a, b, c, accumulate) {
      const kk = kernels(c);
      const pa = at('gemm', 'a', a, m * k, c.dtype);
      const pb = at('gemm', 'b', b, k * n, c.dtype);
      const pc = at('gemm', 'c', c, m * n);
      const work = scratch.block(kk.gemmScratchBytes(m, n, k));
      kk.gemm(+transA, +transB, m, n, k, pa, pb, pc, +accumulate, work);
    },
    unary(op, x, out) {
      const n = x.length;
      kernels(x).unary(
        unaryOpCodes[op],
        at('unary', 'x', x, 0),
        at('unary', 'out', out, n, x.dtype),
        n,
      );
    },
    binary(op, a, b, out) {
      const n = a.length;
      const pa = at('binary', 'a', a, 0);
      const pb = at('binary', 'b', b, n, a.dtype);
      const po = at('binary', 'out', out, n, a.dtype);
      kernels(a).binary(binaryOpCodes[op], pa, pb, po, n);
    },
    binaryScalar(op, a, s, out) {
      const n = a.length;
      kernels(a).binaryScalar(
        binaryOpCodes[op],
        at('binaryScalar', 'a', a, 0),
        s,
        at('binaryScalar', 'out', out, n, a.dtype),
        n,
      );
    },
    binaryRowVector(op, rows, cols, x, v, out) {
      const name = 'binaryRowVector';
      const px = at(name, 'x', x, rows * cols);
      const pv = at(name, 'v', v, cols, x.dtype);
      const po = at(name, 'out', out, rows * cols, x.dtype);
      kernels(x).binaryRowVector(binaryOpCodes[op], rows, cols, px, pv, po);
    },
    sumAxis0(rows, cols, x, out) {
      kernels(x).sumAxis0(
        rows,
        cols,
        at('sumAxis0', 'x', x, rows * cols),
        at('sumAxis0', 'out', out, cols, x.dtype),
      );
    },
    sum: (x) => kernels(x).sum(at('sum', 'x', x, 0), x.length),
    reluBackward(dout, x, out) {
      const n = x.length;
      const pd = at('reluBackward', 'dout', dout, n, x.dtype);
      const px = at('reluBackward', 'x', x, n);
      const po = at('reluBackward', 'out', out, n, x.dtype);
      kernels(x).reluBackward(pd, px, po, n);
    },
    sigmoidBackward(dout, y, out) {
      const n = y.length;
      const name = 'sigmoidBackward';
      kernels(y).sigmoidBackward(
        at(name, 'dout', dout, n, y.dtype),
        at(name, 'y', y, n),
        at(name, 'out', out, n, y.dtype),
        n,
      );
    },
    softmaxRows(rows, cols, x, out) {
      const n = rows * cols;
      kernels(x).softmaxRows(
        rows,
        cols,
        at('softmaxRows', 'x', x, n),
        at('softmaxRows', 'out', out, n, x.dtype),
      );
    },
    softmaxCrossEntropy(rows, cols, x, labels, y) {
      const name = 'softmaxCrossEntropy';
      const n = rows * cols;
      const px = at(name, 'x', x, n);
      const py = at(name, 'y', y, n, x.dtype);
      return kernels(x).softmaxCrossEntropy(
        rows,
        cols,
        px,
        scratch.indices(name, 'labels', rows, cols, labels),
        py,
      );
    },
    softmaxCrossEntropyBackward(rows, cols, y, labels, scale, dx) {
      const name = 'softmaxCrossEntropyBackward';
      const n = rows * cols;
      const py = at(name, 'y', y, n);
      const pd = at(name, 'dx', dx, n, y.dtype);
      kernels(y).softmaxCrossEntropyBackward(
        rows,
        cols,
        py,
        scratch.indices(name, 'labels', rows, cols, labels),
        scale,
        pd,
      );
    },
    axpy(alpha, x, y) {
      kernels(x).axpy(
        alpha,
        at('axpy', 'x', x, 0),
        at('axpy', 'y', y, x.length, x.dtype),
        x.length,
      );
    },
    argmaxRows(rows, cols, x, out) {
      if (out.length < rows) failArg('argmaxRows', 'out', `${rows} elements`, `${out.length}`);
      const px = at('argmaxRows', 'x', x, rows * cols);
      const work = scratch.block(rows * 4);
      kernels(x).argmaxRows(rows, cols, px, work);
      scratch.readInts(work, rows, out);
    },
    fill(x, value) {
      at('fill', 'x', x, 0);
      x.data.fill(value);
    },
    ...byteKernels(heap, scratch, registry, mod),
    copy(src, dst) {
      at('copy', 'src', src, 0);
      at('copy', 'dst', dst, src.length, src.dtype);
      dst.data.set(src.data);
    },
  };
}
