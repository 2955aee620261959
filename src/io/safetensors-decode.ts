import {
  bytesToDtype,
  DTYPES,
  isSafetensorsDtype,
  type SafetensorsDtype,
} from './safetensors-dtype.js';
import {
  SAFETENSORS_MAX_HEADER,
  SafetensorsError,
  type SafetensorsContents,
  type SafetensorsTensor,
} from './safetensors.js';

interface Entry {
  readonly name: string;
  readonly dtype: SafetensorsDtype;
  readonly shape: number[];
  readonly begin: number;
  readonly end: number;
}

const TENSOR_KEYS = ['data_offsets', 'dtype', 'shape'];

/**
 * Parses safetensors bytes with strict validation, as the reference Rust reader does and more:
 * header size ≤ 100 MB and within the file; header valid UTF-8 JSON object starting with '{';
 * `__metadata__` a string → string map; each tensor exactly {dtype, shape, data_offsets} with a
 * known dtype, a shape of non-negative integers and integer offsets inside the buffer;
 * product(shape) · itemsize = end − begin; tensors neither overlap nor leave gaps, and together
 * cover the whole buffer. Data is copied out into fresh, aligned arrays.
 * Shapes: each tensor's data has product(shape) elements, C order.
 * @example
 * const { tensors, metadata } = decodeSafetensors(bytes, 'model.safetensors');
 * tensors.W1.shape; // [784, 50] (not run: needs a model file's bytes)
 */
export function decodeSafetensors(bytes: Uint8Array, source: string): SafetensorsContents {
  const fail = (message: string): never => {
    throw new SafetensorsError(source, message);
  };
  if (bytes.length < 8) fail(`expected at least 8 bytes (the header size), found ${bytes.length}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getUint32(0, true) + view.getUint32(4, true) * 0x100000000;
  if (n > SAFETENSORS_MAX_HEADER) {
    fail(
      `header size ${n} is over the ${SAFETENSORS_MAX_HEADER}-byte limit (not a safetensors file?)`,
    );
  }
  if (n > bytes.length - 8) {
    fail(
      `header size ${n} runs past the end of the file: expected at most ${bytes.length - 8} bytes after the size field`,
    );
  }
  if (n === 0 || bytes[8] !== 0x7b) {
    fail(
      `expected the header to start with '{', found ${n === 0 ? 'an empty header' : `byte 0x${bytes[8].toString(16)}`}`,
    );
  }
  let text = '';
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      bytes.subarray(8, 8 + n),
    );
  } catch {
    fail('the header is not valid UTF-8');
  }
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch (e) {
    fail(`the header is not valid JSON (${(e as Error).message})`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    fail('expected the header to be a JSON object');
  }

  const bufferStart = 8 + n;
  const bufferLength = bytes.length - bufferStart;
  const metadata: Record<string, string> = Object.create(null) as Record<string, string>;
  const entries: Entry[] = [];
  for (const [name, value] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      readMetadata(value, metadata, fail);
      continue;
    }
    entries.push(readEntry(name, value, bufferLength, fail));
  }

  entries.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let cursor = 0;
  for (const e of entries) {
    if (e.begin < cursor)
      fail(
        `tensor ${e.name}: data_offsets [${e.begin}, ${e.end}) overlap the previous tensor, which ends at ${cursor}`,
      );
    if (e.begin > cursor)
      fail(
        `tensor ${e.name}: data_offsets start at ${e.begin}, expected ${cursor} (a gap of unused bytes)`,
      );
    cursor = e.end;
  }
  if (cursor !== bufferLength) {
    fail(
      `the tensors cover ${cursor} bytes of the ${bufferLength}-byte data buffer; expected them to cover it exactly`,
    );
  }

  const tensors = Object.create(null) as Record<string, SafetensorsTensor>;
  for (const e of entries) {
    const data = bytesToDtype(bytes.subarray(bufferStart + e.begin, bufferStart + e.end), e.dtype);
    tensors[e.name] = { dtype: e.dtype, shape: e.shape, data };
  }
  return { tensors, metadata };
}

function readMetadata(
  value: unknown,
  into: Record<string, string>,
  fail: (m: string) => never,
): void {
  // The reference reader accepts null as "no metadata".
  if (value === null) return;
  if (typeof value !== 'object' || Array.isArray(value))
    fail('__metadata__ must be an object of strings');
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v !== 'string') fail(`__metadata__.${k} must be a string, found ${describe(v)}`);
    into[k] = v as string;
  }
}

function readEntry(
  name: string,
  value: unknown,
  bufferLength: number,
  fail: (m: string) => never,
): Entry {
  const where = `tensor ${JSON.stringify(name)}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(
      `${where}: expected an object {dtype, shape, data_offsets}, found ${describe(value)}`,
    );
  }
  const info = value as Record<string, unknown>;
  const keys = Object.keys(info).sort();
  if (keys.length !== 3 || keys.some((k, i) => k !== TENSOR_KEYS[i])) {
    fail(
      `${where}: expected exactly the keys dtype, shape, data_offsets, found ${keys.join(', ') || 'none'}`,
    );
  }
  const { dtype, shape, data_offsets: offsets } = info;
  if (!isSafetensorsDtype(dtype)) {
    fail(
      `${where}: unsupported dtype ${describe(dtype)}; expected one of ${Object.keys(DTYPES).join(', ')}`,
    );
  }
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    fail(
      `${where}: expected shape to be an array of non-negative integers, found ${describe(shape)}`,
    );
  }
  if (
    !Array.isArray(offsets) ||
    offsets.length !== 2 ||
    !offsets.every((o) => Number.isSafeInteger(o) && o >= 0) ||
    offsets[0] > offsets[1] ||
    offsets[1] > bufferLength
  ) {
    fail(
      `${where}: expected data_offsets [begin, end] with 0 ≤ begin ≤ end ≤ ${bufferLength}, found ${describe(offsets)}`,
    );
  }
  const [begin, end] = offsets as number[];
  const size = DTYPES[dtype as SafetensorsDtype].size;
  const elements = (shape as number[]).reduce((p, d) => p * BigInt(d), 1n);
  if (elements * BigInt(size) !== BigInt(end - begin)) {
    fail(
      `${where}: shape [${(shape as number[]).join(', ')}] of ${dtype as string} needs ${elements * BigInt(size)} bytes, data_offsets span ${end - begin}`,
    );
  }
  return { name, dtype: dtype as SafetensorsDtype, shape: shape as number[], begin, end };
}

function describe(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
