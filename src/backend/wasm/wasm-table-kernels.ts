import type { DType, Storage } from '../backend.js';
import { KERNELS, opCode, type Dims, type KernelArg, type KernelSpec } from '../kernels.js';
import type { DTypeKernels, KernelModule } from './kernel-exports.js';
import { failArg, type WasmScratch } from './wasm-scratch.js';
import { offsetOf } from './wasm-storage.js';

/** A kernel method built from its table entry: checks every argument, then calls the export. */
type TableKernel = (...given: unknown[]) => unknown;

const align16 = (bytes: number): number => (bytes + 15) & ~15;

/**
 * The Backend's kernel methods for the WASM module, one per kernel-table entry, all checked the
 * same way: each storage belongs to this backend, is live, holds at least the entry's minimum and
 * has the dtype of the first storage; op names and index arrays are checked before a kernel sees
 * them (it indexes memory with them, and `--noAssert` builds have no bounds checks of their own).
 */
export function tableKernels(mod: KernelModule, scratch: WasmScratch): Record<string, TableKernel> {
  const out: Record<string, TableKernel> = {};
  for (const [name, spec] of Object.entries(KERNELS) as [string, KernelSpec][]) {
    if (spec.backend !== false) out[name] = tableKernel(name, spec, mod, scratch);
  }
  return out;
}

function tableKernel(
  name: string,
  spec: KernelSpec,
  mod: KernelModule,
  scratch: WasmScratch,
): TableKernel {
  const args = spec.args;
  const usesScratch = args.some(
    ([, a]) => a.kind === 'ints' || a.kind === 'intsOut' || a.kind === 'scratch',
  );
  // The position of each argument among the method's arguments (−1: WASM only).
  const given: number[] = [];
  for (let i = 0, g = 0; i < args.length; i++) {
    const kind = args[i][1].kind;
    given.push(kind === 'length' || kind === 'scratch' ? -1 : g++);
  }
  const firstStorage = given[args.findIndex(([, a]) => a.kind === 'storage')];
  // Reused by every call (a call never re-enters another): no allocation per kernel call.
  const dims: Record<string, number> = {};
  const exportArgs: number[] = new Array<number>(args.length).fill(0);
  return (...values) => {
    for (let i = 0; i < args.length; i++) {
      if (args[i][1].kind === 'int') dims[args[i][0]] = values[given[i]] as number;
    }
    const first = values[firstStorage] as Storage;
    const dtype: DType = first.dtype;
    dims.length = first.length;
    const kernels: DTypeKernels = dtype === 'float64' ? mod.float64 : mod.float32;
    let at = usesScratch ? scratch.block(scratchBytes(args, dims, kernels)) : 0;
    let readBack: Int32Array | undefined;
    let readAt = 0;
    let readCount = 0;
    for (let i = 0; i < args.length; i++) {
      const [argName, arg] = args[i];
      const v = values[given[i]];
      if (arg.kind === 'length') exportArgs[i] = dims.length;
      else if (arg.kind === 'scratch') exportArgs[i] = at;
      else if (arg.kind === 'ints') {
        const count = arg.count(dims);
        scratch.writeIndices(at, name, argName, count, arg.limit(dims), v as Int32Array);
        exportArgs[i] = at;
        at += align16(count * 4);
      } else if (arg.kind === 'intsOut') {
        const count = arg.count(dims);
        readBack = v as Int32Array;
        if (readBack.length < count)
          failArg(name, argName, `${count} elements`, `${readBack.length}`);
        exportArgs[i] = readAt = at;
        readCount = count;
        at += align16(count * 4);
      } else {
        const sameDType = given[i] === firstStorage ? undefined : dtype;
        exportArgs[i] = wasmValue(name, argName, arg, v, dims, sameDType);
      }
    }
    const result = Reflect.apply(kernels[name as keyof DTypeKernels], undefined, exportArgs);
    if (readBack !== undefined) scratch.readInts(readAt, readCount, readBack);
    return result;
  };
}

/** The number a WASM export receives for one argument (0 for those placed in scratch). */
function wasmValue(
  kernel: string,
  argName: string,
  arg: KernelArg,
  v: unknown,
  dims: Dims,
  dtype: DType | undefined,
): number {
  switch (arg.kind) {
    case 'unaryOp':
      return opCode('unary', v as string);
    case 'binaryOp':
      return opCode('binary', v as string);
    case 'bool':
      return v ? 1 : 0;
    case 'storage':
      return offsetOf(kernel, argName, v as Storage, arg.min?.(dims) ?? 0, dtype);
    case 'ints':
    case 'intsOut':
      return 0;
    default:
      return v as number;
  }
}

/** Bytes of scratch one call needs: its index arrays (16-byte aligned) before the kernel's own. */
function scratchBytes(args: KernelSpec['args'], dims: Dims, kernels: DTypeKernels): number {
  let bytes = 0;
  for (const [, arg] of args) {
    if (arg.kind === 'ints' || arg.kind === 'intsOut') bytes += align16(arg.count(dims) * 4);
    else if (arg.kind === 'scratch')
      bytes += arg.bytes(dims, kernels as unknown as Parameters<typeof arg.bytes>[1]);
  }
  return bytes;
}
