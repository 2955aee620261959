import { readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** The default bound on bytes read from a file or inflated from gzip: 512 MiB. */
export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

/** Why a file could not be turned into bytes. */
export type FileReadReason =
  'missing' | 'not-a-file' | 'empty' | 'too-large' | 'corrupt-gzip' | 'unreadable';

/**
 * A file that could not be read: missing, a directory, empty, over the size bound, or corrupt gzip.
 * `path` names the file; `reason` says which case, for callers that react differently.
 * @example
 * try { readFileBytes('nope.idx'); } catch (e) { (e as FileReadError).reason; } // is 'missing'
 */
export class FileReadError extends Error {
  override readonly name = 'FileReadError';
  readonly path: string;
  readonly reason: FileReadReason;
  constructor(path: string, reason: FileReadReason, message: string) {
    super(`${path}: ${message}`);
    this.path = path;
    this.reason = reason;
  }
}

/** Options of readFileBytes and gunzipBounded. */
export interface ReadBytesOptions {
  /** Largest file size, and largest gunzipped size, accepted (default 512 MiB). */
  readonly maxBytes?: number;
  /** Inflate gzip data (detected by its 1f 8b magic). Default true. */
  readonly gunzip?: boolean;
}

/** True when the bytes start with the gzip magic 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Inflates gzip bytes with a bound on the output, so a gzip bomb fails fast instead of
 * allocating gigabytes. `source` names the file in errors.
 * @example
 * import { gzipSync } from 'node:zlib';
 * gunzipBounded(gzipSync(Buffer.from('hi')), 'x.gz'); // → Uint8Array.of(104, 105)
 */
export function gunzipBounded(
  bytes: Uint8Array,
  source: string,
  maxBytes = DEFAULT_MAX_BYTES,
): Uint8Array {
  try {
    const out = gunzipSync(bytes, { maxOutputLength: maxBytes });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
      throw new FileReadError(
        source,
        'too-large',
        `gzip data inflates to more than ${formatBytes(maxBytes)} (the limit); refusing to decompress further`,
      );
    }
    throw new FileReadError(
      source,
      'corrupt-gzip',
      `corrupt gzip data: expected a valid gzip stream, zlib says: ${(e as Error).message}`,
    );
  }
}

/**
 * Reads a whole file into bytes, inflating gzip when its magic says so.
 * Errors name the path: missing file, directory instead of file, empty file, file or inflated
 * data over `maxBytes`, corrupt gzip.
 * @example
 * readFileBytes('data/train-labels-idx1-ubyte.gz'); // the inflated bytes (not run: needs the file)
 */
export function readFileBytes(path: string, options: ReadBytesOptions = {}): Uint8Array {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) {
      const kind = st.isDirectory() ? 'a directory' : 'not a regular file';
      throw new FileReadError(path, 'not-a-file', `expected a file, found ${kind}`);
    }
    size = st.size;
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    throw fsError(path, e);
  }
  if (size === 0)
    throw new FileReadError(path, 'empty', 'expected data, found an empty file (0 bytes)');
  if (size > maxBytes) {
    throw new FileReadError(
      path,
      'too-large',
      `file is ${formatBytes(size)}, more than the ${formatBytes(maxBytes)} limit`,
    );
  }
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw fsError(path, e);
  }
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  return options.gunzip !== false && isGzip(bytes) ? gunzipBounded(bytes, path, maxBytes) : bytes;
}

function fsError(path: string, e: unknown): FileReadError {
  const code = (e as { code?: unknown }).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new FileReadError(path, 'missing', 'no such file');
  }
  if (code === 'EISDIR')
    return new FileReadError(path, 'not-a-file', 'expected a file, found a directory');
  return new FileReadError(
    path,
    'unreadable',
    `cannot read the file (${String(code ?? (e as Error).message)})`,
  );
}

/** Human-readable byte count (MiB for large values). */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024)
    return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  return `${n} bytes`;
}
