import type { Backend, RowIndex } from '../backend.js';
import { checkRowIndex } from '../row-index.js';
import type { KernelModule } from './kernel-exports.js';
import type { BlockRegistry, WasmHeap } from './wasm-heap.js';
import { failArg, type WasmScratch } from './wasm-scratch.js';
import { offsetOf } from './wasm-storage.js';

/** A row index in WASM memory: i32 offsets, then u16 columns, in one block (freed with it). */
class WasmRowIndex implements RowIndex {
  constructor(
    readonly heap: WasmHeap,
    readonly rows: number,
    readonly cols: number,
    readonly nnz: number,
    /** Byte offsets of offsets[0] and columns[0]. */
    readonly offsets: number,
    readonly columns: number,
  ) {}
}

/**
 * The sparse-row products of the WASM backend (assembly/sparse-rows.ts). A row index is checked
 * once when it is copied in; each call checks its storages and row ids.
 */
export function sparseKernels(
  heap: WasmHeap,
  scratch: WasmScratch,
  registry: BlockRegistry,
  mod: KernelModule,
): Required<Pick<Backend, 'allocRowIndex' | 'sparseRowsGemm' | 'sparseDensityLimit'>> {
  return {
    // Measured (batch 100, 784 → 50, float32): on rows with zeros at random places the sparse
    // products take 0.29× (density 0.02), 0.57× (0.1) and 0.66× (0.2) of gemm's time; on MNIST
    // batches (density 0.2, zeros in whole regions, which gemm's 4-row zero-step skipping
    // already drops) 1.0× for x·W1 and 1.17× for xᵀ·dA, so MNIST stays on gemm.
    sparseDensityLimit: 0.15,
    allocRowIndex(offsets, columns, cols) {
      checkRowIndex(offsets, columns, cols);
      const offsetBytes = (offsets.byteLength + 15) & ~15;
      const bytes = offsetBytes + columns.byteLength;
      const at = heap.alloc(bytes);
      new Int32Array(heap.memory.buffer, at, offsets.length).set(offsets);
      new Uint16Array(heap.memory.buffer, at + offsetBytes, columns.length).set(columns);
      const rows = offsets.length - 1;
      const index = new WasmRowIndex(heap, rows, cols, columns.length, at, at + offsetBytes);
      registry.register(index, { offset: at, bytes });
      return index;
    },
    sparseRowsGemm(transA, rows, n, k, index, ids, x, b, out, accumulate) {
      const name = 'sparseRowsGemm';
      if (!(index instanceof WasmRowIndex) || index.heap !== heap) {
        failArg(name, 'index', 'a row index of this backend', 'another');
      }
      if (index.cols !== k) failArg(name, 'index', `${k} columns`, `${index.cols}`);
      const px = offsetOf(name, 'x', x, rows * k);
      const pb = offsetOf(name, 'b', b, transA ? rows * n : k * n, x.dtype);
      const po = offsetOf(name, 'out', out, transA ? k * n : rows * n, x.dtype);
      const pi = scratch.indices(name, 'ids', rows, index.rows, ids);
      const kernels = x.dtype === 'float64' ? mod.float64 : mod.float32;
      const kernel = transA ? kernels.sparseRowsGemmT : kernels.sparseRowsGemm;
      const done = kernel(rows, n, k, index.offsets, index.columns, pi, px, pb, po, +accumulate);
      return done !== 0;
    },
  };
}
