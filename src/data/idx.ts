/**
 * The IDX file format of MNIST (http://yann.lecun.com/exdb/mnist/): parsing and validation.
 *
 * Layout: 2 zero bytes, a type byte, a dimension-count byte, then one big-endian u32 per
 * dimension, then the data in C order. The "magic number" is the first 4 bytes read as a
 * big-endian u32, so an unsigned-byte file has magic 0x0800 + ndims (2049 labels, 2051 images).
 *
 * Book: dataset/mnist.py (_load_label, _load_img read the same files with np.frombuffer offsets).
 */

/** The type byte of unsigned-byte IDX data, the only kind MNIST and Fashion-MNIST use. */
export const IDX_UBYTE = 0x08;

/** Magic number of a 1-D unsigned-byte IDX file (labels). */
export const IDX_LABELS_MAGIC = 2049;

/** Magic number of a 3-D unsigned-byte IDX file (images). */
export const IDX_IMAGES_MAGIC = 2051;

const TYPE_NAMES: Readonly<Record<number, string>> = {
  0x08: 'unsigned byte',
  0x09: 'signed byte',
  0x0b: 'int16',
  0x0c: 'int32',
  0x0d: 'float32',
  0x0e: 'float64',
};

/**
 * A malformed or unexpected IDX file. `source` names the file (or the caller's label for the bytes).
 * @example
 * try { parseIdx(new Uint8Array(2), 'x.idx'); } catch (e) { e instanceof IdxFormatError; } // true
 */
export class IdxFormatError extends Error {
  override readonly name = 'IdxFormatError';
  /** The file (or label) the bytes came from. */
  readonly source: string;
  constructor(source: string, message: string) {
    super(`${source}: ${message}`);
    this.source = source;
  }
}

/** A parsed IDX file: its magic number, its dimensions, and its data (a view into the input). */
export interface IdxArray {
  /** 0x0800 + dims.length for unsigned-byte data. */
  readonly magic: number;
  readonly dims: number[];
  /** The element bytes, a subarray of the parsed input (no copy). */
  readonly data: Uint8Array;
}

/**
 * Parses and validates an unsigned-byte IDX file.
 *
 * Checks: at least 4 bytes; first two bytes 0; type 0x08; 1 to 4 dimensions; the header fits;
 * each dimension a positive integer; the product of the dimensions equals the remaining byte
 * count exactly (neither truncated nor followed by trailing bytes).
 * Shapes: data.length = dims[0] · dims[1] · … (C order).
 * Book: dataset/mnist.py _load_img / _load_label (which trust the file blindly).
 * @example
 * parseIdx(new Uint8Array([0, 0, 8, 1, 0, 0, 0, 2, 7, 3]), 'labels.idx');
 * // { magic: 2049, dims: [2], data: Uint8Array [7, 3] }
 */
export function parseIdx(bytes: Uint8Array, source: string): IdxArray {
  const fail = (message: string): never => {
    throw new IdxFormatError(source, message);
  };
  if (bytes.length < 4) {
    fail(`expected at least 4 bytes (the IDX magic number), found ${bytes.length}`);
  }
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    fail(
      `not an IDX file: expected the first two bytes to be 00 00, found ${hex(bytes[0])} ${hex(bytes[1])}` +
        (bytes[0] === 0x1f && bytes[1] === 0x8b ? ' (this is gzip data; decompress it first)' : ''),
    );
  }
  const type = bytes[2];
  if (type !== IDX_UBYTE) {
    const known = TYPE_NAMES[type];
    fail(
      `unsupported IDX element type: expected 0x08 (unsigned byte), found ${hex(type)}` +
        (known === undefined ? ' (not an IDX type)' : ` (${known})`),
    );
  }
  const ndims = bytes[3];
  if (ndims < 1 || ndims > 4) fail(`expected 1 to 4 dimensions, found ${ndims}`);
  const headerLength = 4 + 4 * ndims;
  if (bytes.length < headerLength) {
    fail(
      `truncated header: expected ${headerLength} bytes for ${ndims} dimensions, found ${bytes.length}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  for (let i = 0; i < ndims; i++) {
    const d = view.getUint32(4 + 4 * i, false);
    if (d === 0) fail(`dimension ${i} must be a positive integer, found 0`);
    dims.push(d);
  }
  // Four u32 factors can reach 2^128, far past 2^53: multiply as BigInt so the count is exact.
  const expected = dims.reduce((p, d) => p * BigInt(d), 1n);
  const found = bytes.length - headerLength;
  if (expected !== BigInt(found)) {
    const what = expected > BigInt(found) ? 'truncated data' : 'trailing bytes';
    fail(
      `${what}: dims [${dims.join(', ')}] expected ${expected} data bytes after the ${headerLength}-byte header, found ${found}`,
    );
  }
  return { magic: 0x0800 + ndims, dims, data: bytes.subarray(headerLength) };
}

/**
 * Checks that a parsed IDX file holds class labels: magic 2049 (1-D) and every value < classes.
 * Returns the labels (the same bytes, no copy).
 * Shapes: (N).
 * Book: dataset/mnist.py _load_label.
 * @example
 * expectIdxLabels(parseIdx(bytes, 'train-labels'), 'train-labels'); // Uint8Array of N labels (not run: needs IDX bytes)
 */
export function expectIdxLabels(idx: IdxArray, source: string, classes = 10): Uint8Array {
  if (idx.magic !== IDX_LABELS_MAGIC || idx.dims.length !== 1) {
    throw new IdxFormatError(
      source,
      `expected a label file (magic ${IDX_LABELS_MAGIC}, 1 dimension), found magic ${idx.magic} with dims [${idx.dims.join(', ')}]`,
    );
  }
  const data = idx.data;
  for (let i = 0; i < data.length; i++) {
    if (data[i] >= classes) {
      throw new IdxFormatError(
        source,
        `label ${i} is ${data[i]}: expected a class index in 0..${classes - 1}`,
      );
    }
  }
  return data;
}

/** Images from an IDX file: N images of rows × cols bytes, row-major, 0 = background. */
export interface IdxImages {
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  /** Shapes: (count · rows · cols), a view into the parsed input. */
  readonly data: Uint8Array;
}

/**
 * Checks that a parsed IDX file holds images: magic 2051 (3-D: count, rows, cols).
 * Shapes: (N, rows, cols).
 * Book: dataset/mnist.py _load_img.
 * @example
 * expectIdxImages(parseIdx(bytes, 'train-images'), 'train-images'); // { count: 60000, rows: 28, cols: 28, data } (not run: needs IDX bytes)
 */
export function expectIdxImages(idx: IdxArray, source: string): IdxImages {
  if (idx.magic !== IDX_IMAGES_MAGIC || idx.dims.length !== 3) {
    throw new IdxFormatError(
      source,
      `expected an image file (magic ${IDX_IMAGES_MAGIC}, 3 dimensions), found magic ${idx.magic} with dims [${idx.dims.join(', ')}]`,
    );
  }
  const [count, rows, cols] = idx.dims;
  return { count, rows, cols, data: idx.data };
}

function hex(b: number | undefined): string {
  return `0x${(b ?? 0).toString(16).padStart(2, '0')}`;
}

/**
 * Serialises unsigned bytes as an IDX file (the inverse of parseIdx).
 * Shapes: data (product(dims)) -> 4 + 4 · dims.length + data.length bytes.
 * @example
 * encodeIdx([2], Uint8Array.of(7, 3)); // → [0, 0, 8, 1, 0, 0, 0, 2, 7, 3]
 */
export function encodeIdx(dims: readonly number[], data: Uint8Array): Uint8Array {
  const count = dims.reduce((p, d) => p * d, 1);
  if (
    dims.length < 1 ||
    dims.length > 4 ||
    !dims.every((d) => Number.isInteger(d) && d > 0 && d < 2 ** 32)
  ) {
    throw new RangeError(
      `encodeIdx: expected 1 to 4 positive u32 dimensions, got [${dims.join(', ')}]`,
    );
  }
  if (count !== data.length) {
    throw new RangeError(
      `encodeIdx: dims [${dims.join(', ')}] hold ${count} bytes, data has ${data.length}`,
    );
  }
  const out = new Uint8Array(4 + 4 * dims.length + data.length);
  const view = new DataView(out.buffer);
  out[2] = IDX_UBYTE;
  out[3] = dims.length;
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  out.set(data, 4 + 4 * dims.length);
  return out;
}
