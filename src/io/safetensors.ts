import {
  bytesToDtype,
  DTYPES,
  dtypeToBytes,
  isSafetensorsDtype,
  type SafetensorsData,
  type SafetensorsDtype,
} from './safetensors-dtype.js';

/**
 * The safetensors file format (https://github.com/huggingface/safetensors), read and written
 * exactly as the reference library does:
 *   8 bytes   N, the header size, unsigned little-endian u64
 *   N bytes   a UTF-8 JSON object, starting with '{', padded with spaces to a multiple of 8:
 *             {"__metadata__": {string: string}, NAME: {"dtype", "shape", "data_offsets": [begin, end)}}
 *   the rest  the byte buffer; offsets are relative to its start, data little-endian, C order.
 * The reference writer orders tensors by descending dtype (F64 before F32 …) then by name,
 * packs them without gaps, and its reader demands that the tensors exactly cover the buffer.
 */

/** Largest accepted header, as in the reference reader (MAX_HEADER_SIZE = 100_000_000). */
export const SAFETENSORS_MAX_HEADER = 100_000_000;

/** One tensor of a safetensors file. */
export interface SafetensorsTensor {
  readonly dtype: SafetensorsDtype;
  readonly shape: readonly number[];
  /** Elements in C order. F16/BF16 as Float32Array, I64/U64 as BigInt64Array/BigUint64Array. */
  readonly data: SafetensorsData;
}

/** The contents of a safetensors file. */
export interface SafetensorsContents {
  readonly tensors: Record<string, SafetensorsTensor>;
  readonly metadata: Record<string, string>;
}

/**
 * A malformed safetensors file, or tensors that cannot be written. `source` names the file.
 * @example
 * try { decodeSafetensors(new Uint8Array(3), 'm.safetensors'); } catch (e) { e instanceof SafetensorsError; } // true
 */
export class SafetensorsError extends Error {
  override readonly name = 'SafetensorsError';
  readonly source: string;
  constructor(source: string, message: string) {
    super(`${source}: ${message}`);
    this.source = source;
  }
}

/** Orders strings by Unicode code point, which is the UTF-8 byte order Rust's String uses. */
function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const d = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
}

function elementCount(shape: readonly number[]): bigint {
  return shape.reduce((p, d) => p * BigInt(d), 1n);
}

/**
 * Serialises tensors (and optional string metadata) to safetensors bytes, byte-for-byte as the
 * reference library: tensors sorted by descending dtype then name, packed from offset 0, header
 * padded with spaces to 8-byte alignment, metadata keys sorted.
 * @example
 * encodeSafetensors({ W1: { dtype: 'F32', shape: [2], data: Float32Array.of(1, 2) } }, { format: 'gradlab' });
 */
export function encodeSafetensors(
  tensors: Record<string, SafetensorsTensor>,
  metadata?: Record<string, string>,
): Uint8Array {
  const fail = (message: string): never => {
    throw new SafetensorsError('encodeSafetensors', message);
  };
  const entries = Object.entries(tensors);
  for (const [name, t] of entries) {
    if (name === '__metadata__') fail(`'__metadata__' is reserved and cannot name a tensor`);
    if (!isSafetensorsDtype(t.dtype)) fail(`tensor ${name}: unknown dtype ${String(t.dtype)}`);
    if (!(t.data instanceof DTYPES[t.dtype].array)) {
      fail(
        `tensor ${name}: dtype ${t.dtype} expects ${DTYPES[t.dtype].array.name} data, got ${t.data.constructor.name}`,
      );
    }
    if (!t.shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
      fail(`tensor ${name}: shape must hold non-negative integers, got [${t.shape.join(', ')}]`);
    }
    if (elementCount(t.shape) !== BigInt(t.data.length)) {
      fail(
        `tensor ${name}: shape [${t.shape.join(', ')}] holds ${elementCount(t.shape)} elements, data has ${t.data.length}`,
      );
    }
  }
  entries.sort(
    ([na, a], [nb, b]) => DTYPES[b.dtype].rank - DTYPES[a.dtype].rank || compareCodePoints(na, nb),
  );

  const header: Record<string, unknown> = {};
  const define = (key: string, value: unknown): void => {
    // defineProperty, not assignment: a tensor named "__proto__" must stay an own key.
    Object.defineProperty(header, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  };
  if (metadata !== undefined) {
    const sorted: Record<string, string> = {};
    for (const [k, v] of Object.entries(metadata).sort(([a], [b]) => compareCodePoints(a, b))) {
      if (typeof v !== 'string') fail(`metadata ${k}: values must be strings, got ${typeof v}`);
      Object.defineProperty(sorted, k, { value: v, enumerable: true });
    }
    define('__metadata__', sorted);
  }
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const [name, t] of entries) {
    const bytes = dtypeToBytes(t.data, t.dtype);
    define(name, { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + bytes.length] });
    chunks.push(bytes);
    offset += bytes.length;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const n = Math.ceil(json.length / 8) * 8;
  const out = new Uint8Array(8 + n + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, n % 0x100000000, true);
  view.setUint32(4, Math.floor(n / 0x100000000), true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + n);
  let at = 8 + n;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
