import type { BinaryOp, UnaryOp } from '../backend.js';
import { kernelsWasmBase64 } from './kernels-wasm.js';

/** The numeric codes of UnaryOp in the kernels (assembly/elementwise.ts, same order). */
export const unaryOpCodes: Readonly<Record<UnaryOp, number>> = {
  relu: 0,
  sigmoid: 1,
  exp: 2,
  log: 3,
  neg: 4,
  abs: 5,
  sqrt: 6,
  square: 7,
  tanh: 8,
  step: 9,
};

/** The numeric codes of BinaryOp in the kernels (assembly/elementwise.ts, same order). */
export const binaryOpCodes: Readonly<Record<BinaryOp, number>> = {
  add: 0,
  sub: 1,
  mul: 2,
  div: 3,
  max: 4,
  min: 5,
};

/**
 * The kernels of one dtype as the module exports them. Pointers are byte offsets into the
 * module's memory; booleans are 0/1.
 */
export interface DTypeKernels {
  gemmScratchBytes(m: number, n: number, k: number): number;
  gemm(
    transA: number,
    transB: number,
    m: number,
    n: number,
    k: number,
    a: number,
    b: number,
    c: number,
    accumulate: number,
    scratch: number,
  ): void;
  unary(op: number, x: number, out: number, n: number): void;
  binary(op: number, a: number, b: number, out: number, n: number): void;
  binaryScalar(op: number, a: number, s: number, out: number, n: number): void;
  binaryRowVector(op: number, rows: number, cols: number, x: number, v: number, out: number): void;
  reluBackward(dout: number, x: number, out: number, n: number): void;
  sigmoidBackward(dout: number, y: number, out: number, n: number): void;
  axpy(alpha: number, x: number, y: number, n: number): void;
  sum(x: number, n: number): number;
  sumAxis0(rows: number, cols: number, x: number, out: number): void;
  argmaxRows(rows: number, cols: number, x: number, out: number): void;
  softmaxRows(rows: number, cols: number, x: number, y: number): void;
  softmaxCrossEntropy(rows: number, cols: number, x: number, labels: number, y: number): number;
  gatherBytesRows(
    src: number,
    cols: number,
    indices: number,
    count: number,
    divisor: number,
    out: number,
  ): void;
  softmaxCrossEntropyBackward(
    rows: number,
    cols: number,
    y: number,
    labels: number,
    scale: number,
    dx: number,
  ): void;
}

/** The instantiated kernel module: its memory, where JS may allocate, and both dtypes' kernels. */
export interface KernelModule {
  readonly memory: WebAssembly.Memory;
  /** First byte above the module's static data. */
  readonly heapBase: number;
  readonly float32: DTypeKernels;
  readonly float64: DTypeKernels;
}

const kernelNames = [
  'gemmScratchBytes',
  'gemm',
  'unary',
  'binary',
  'binaryScalar',
  'binaryRowVector',
  'reluBackward',
  'sigmoidBackward',
  'axpy',
  'sum',
  'sumAxis0',
  'argmaxRows',
  'softmaxRows',
  'softmaxCrossEntropy',
  'softmaxCrossEntropyBackward',
  'gatherBytesRows',
] as const satisfies readonly (keyof DTypeKernels)[];

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
