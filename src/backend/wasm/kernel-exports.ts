import { KERNELS, type KernelName } from '../kernels.js';
import { kernelsWasmBase64 } from './kernels-wasm.js';

type KernelTable = typeof KERNELS;

/** Numbers for a table entry's arguments, in order (booleans are 0/1, storages byte offsets). */
type ExportArgs<T> = T extends readonly [unknown, ...infer R] ? [number, ...ExportArgs<R>] : [];

/**
 * The kernels of one dtype as the module exports them, one per kernel-table entry. Pointers are
 * byte offsets into the module's memory; booleans are 0/1.
 */
export type DTypeKernels = {
  readonly [K in KernelName]: (
    ...args: ExportArgs<KernelTable[K]['args']>
  ) => KernelTable[K]['result'] extends 'void' ? void : number;
};

/** The instantiated kernel module: its memory, where JS may allocate, and both dtypes' kernels. */
export interface KernelModule {
  readonly memory: WebAssembly.Memory;
  /** First byte above the module's static data. */
  readonly heapBase: number;
  readonly float32: DTypeKernels;
  readonly float64: DTypeKernels;
}

const kernelNames = Object.keys(KERNELS) as KernelName[];

/** The module bytes, decoded from the generated base64 module (atob exists in Node ≥ 16 and browsers). */
export function kernelsWasmBytes(): Uint8Array<ArrayBuffer> {
  const text = atob(kernelsWasmBase64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function pick(exports: WebAssembly.Exports, suffix: 'F32' | 'F64'): DTypeKernels {
  const out: Partial<Record<keyof DTypeKernels, unknown>> = {};
  for (const name of kernelNames) {
    const f = exports[name + suffix];
    if (typeof f !== 'function')
      throw new TypeError(`kernels-wasm: export ${name + suffix} is missing`);
    out[name] = f;
  }
  return out as DTypeKernels;
}

/** Wraps an instance of the kernel module. */
export function kernelModule(instance: WebAssembly.Instance): KernelModule {
  const { memory, heapBase } = instance.exports;
  if (!(memory instanceof WebAssembly.Memory) || typeof heapBase !== 'function') {
    throw new TypeError('kernels-wasm: the module lacks memory or heapBase exports');
  }
  return {
    memory,
    heapBase: Number(heapBase()),
    float32: pick(instance.exports, 'F32'),
    float64: pick(instance.exports, 'F64'),
  };
}
