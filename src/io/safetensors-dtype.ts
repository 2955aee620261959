import { BF16, F16, fromHalfBits, toHalfBits } from './half-float.js';

/** The safetensors element types gradlab reads and writes. */
export type SafetensorsDtype =
  | 'F64'
  | 'F32'
  | 'F16'
  | 'BF16'
  | 'I64'
  | 'I32'
  | 'I16'
  | 'I8'
  | 'U64'
  | 'U32'
  | 'U16'
  | 'U8'
  | 'BOOL';

/** The typed arrays that hold tensor data in memory. F16 and BF16 live in Float32Array. */
export type SafetensorsData =
  | Float64Array
  | Float32Array
  | BigInt64Array
  | Int32Array
  | Int16Array
  | Int8Array
  | BigUint64Array
  | Uint32Array
  | Uint16Array
  | Uint8Array;

interface DtypeInfo {
  /** Bytes per element in the file. */
  readonly size: number;
  /**
   * Position in the Rust library's Dtype enum (BOOL, U8, I8, I16, U16, F16, BF16, I32, U32,
   * F32, F64, I64, U64): writers sort tensors by descending rank, then by name.
   */
  readonly rank: number;
  /** The in-memory array type. */
  readonly array: new (length: number) => SafetensorsData;
}

/** Size, sort rank and array type of each dtype. */
export const DTYPES: Readonly<Record<SafetensorsDtype, DtypeInfo>> = {
  BOOL: { size: 1, rank: 0, array: Uint8Array },
  U8: { size: 1, rank: 1, array: Uint8Array },
  I8: { size: 1, rank: 2, array: Int8Array },
  I16: { size: 2, rank: 3, array: Int16Array },
  U16: { size: 2, rank: 4, array: Uint16Array },
  F16: { size: 2, rank: 5, array: Float32Array },
  BF16: { size: 2, rank: 6, array: Float32Array },
  I32: { size: 4, rank: 7, array: Int32Array },
  U32: { size: 4, rank: 8, array: Uint32Array },
  F32: { size: 4, rank: 9, array: Float32Array },
  F64: { size: 8, rank: 10, array: Float64Array },
  I64: { size: 8, rank: 11, array: BigInt64Array },
  U64: { size: 8, rank: 12, array: BigUint64Array },
};

/** True for the dtype names gradlab supports. */
export function isSafetensorsDtype(s: unknown): s is SafetensorsDtype {
  return typeof s === 'string' && Object.hasOwn(DTYPES, s);
}

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function swapInPlace(bytes: Uint8Array, size: number): void {
  if (LITTLE_ENDIAN_HOST || size === 1) return;
  for (let i = 0; i < bytes.length; i += size) bytes.subarray(i, i + size).reverse();
}

/**
 * Little-endian file bytes of `data` stored as `dtype` (F16/BF16 rounded to nearest even).
 * Shapes: data (n) -> bytes (n · size).
 * @example
 * dtypeToBytes(Float32Array.of(1), 'F32'); // → [0, 0, 128, 63]
 */
export function dtypeToBytes(data: SafetensorsData, dtype: SafetensorsDtype): Uint8Array {
  if (dtype === 'F16' || dtype === 'BF16') {
    const fmt = dtype === 'F16' ? F16 : BF16;
    const out = new Uint8Array(data.length * 2);
    for (let i = 0; i < data.length; i++) {
      const h = toHalfBits(Number(data[i]), fmt);
      out[2 * i] = h & 0xff;
      out[2 * i + 1] = h >> 8;
    }
    return out;
  }
  const out = new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  swapInPlace(out, DTYPES[dtype].size);
  return out;
}

/**
 * The values of little-endian file bytes stored as `dtype`, copied into a fresh aligned array
 * (a file's tensor offsets need not be aligned for the element size).
 * @example
 * bytesToDtype(Uint8Array.of(0, 0x3c), 'F16'); // → [1]
 */
export function bytesToDtype(bytes: Uint8Array, dtype: SafetensorsDtype): SafetensorsData {
  if (dtype === 'F16' || dtype === 'BF16') {
    const fmt = dtype === 'F16' ? F16 : BF16;
    const out = new Float32Array(bytes.length / 2);
    for (let i = 0; i < out.length; i++)
      out[i] = fromHalfBits(bytes[2 * i] | (bytes[2 * i + 1] << 8), fmt);
    return out;
  }
  const info = DTYPES[dtype];
  const out = new info.array(bytes.length / info.size);
  const view = new Uint8Array(out.buffer);
  view.set(bytes);
  swapInPlace(view, info.size);
  return out;
}
