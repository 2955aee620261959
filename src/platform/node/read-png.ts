import { inflateSync } from 'node:zlib';
import pngjs from 'pngjs';
import { readFileBytes } from './read-bytes.js';

/** Largest image accepted by default: 32 megapixels (128 MiB as RGBA). */
export const DEFAULT_MAX_PIXELS = 32 * 1024 * 1024;

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const IDAT = 0x49444154;

/**
 * A file that is not a PNG, is corrupt, or declares an image too large to decode.
 * @example
 * try { decodePng(new Uint8Array(4), 'digit.png'); } catch (e) { e instanceof PngFormatError; } // is true
 */
export class PngFormatError extends Error {
  override readonly name = 'PngFormatError';
  readonly source: string;
  constructor(source: string, message: string) {
    super(`${source}: ${message}`);
    this.source = source;
  }
}

/** A decoded PNG: 8-bit RGBA pixels, row-major (fits preprocessDigit's PixelImage). */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly channels: 4;
  readonly data: Uint8Array;
}

/**
 * Checks what pngjs would trust blindly: the signature, an IHDR first, and a pixel count under
 * the limit (pngjs allocates width × height × 4 bytes up front). The image data is inflated once
 * here with an output bound and Node's zlib: pngjs inflates interlaced images without a bound
 * (a zlib bomb), and its own inflater for the others does not report a back-reference past
 * the start of the data ("invalid distance too far back") but returns whatever its freshly
 * allocated, uninitialised buffer held, so a damaged file decoded to different pixels (leftover
 * process memory) from one run to the next.
 */
function precheck(bytes: Uint8Array, source: string, maxPixels: number): void {
  const fail = (message: string): never => {
    throw new PngFormatError(source, message);
  };
  if (bytes.length < 33 || SIGNATURE.some((b, i) => bytes[i] !== b)) {
    fail(
      `not a PNG file: expected the 8-byte PNG signature and an IHDR chunk, found ${bytes.length} bytes starting ${hexStart(bytes)}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(8) !== 13 || view.getUint32(12) !== 0x49484452)
    fail('corrupt PNG: expected a 13-byte IHDR chunk first');
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0)
    fail(`corrupt PNG: expected a positive width and height, found ${width}×${height}`);
  if (width * height > maxPixels) {
    fail(
      `image is ${width}×${height} = ${width * height} pixels, more than the ${maxPixels}-pixel limit`,
    );
  }
  const depth = Math.min(16, bytes[24]);
  const rowBytes = Math.ceil((width * (CHANNELS[bytes[25]] ?? 4) * depth) / 8) + 1;
  // Seven Adam7 passes hold the same pixels as one image plus at most one filter byte per pass row.
  const bound = rowBytes * height + 7 * height + 1024;
  const idat: Uint8Array[] = [];
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = view.getUint32(at);
    if (at + 12 + length > bytes.length) break;
    if (view.getUint32(at + 4) === IDAT) idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  let inflated = 0;
  try {
    inflated = inflateSync(Buffer.concat(idat), { maxOutputLength: bound }).length;
  } catch (e) {
    fail(
      `corrupt PNG: image data does not inflate within ${bound} bytes (${(e as Error).message})`,
    );
  }
  // A non-interlaced image needs exactly one filter byte and the pixels of every row.
  if (bytes[28] === 0 && inflated < rowBytes * height) {
    fail(
      `corrupt PNG: expected ${rowBytes * height} bytes of image data for ${width}×${height} pixels, found ${inflated}`,
    );
  }
}

/**
 * Decodes PNG bytes to 8-bit RGBA with clear errors: not a PNG, corrupt (bad CRC, truncated,
 * bad compressed data), or larger than maxPixels.
 * Shapes: -> data (height · width · 4).
 * @example
 * decodePng(readFileSync('digit.png'), 'digit.png'); // { width, height, channels: 4, data } (not run: needs a PNG)
 */
export function decodePng(
  bytes: Uint8Array,
  source: string,
  maxPixels = DEFAULT_MAX_PIXELS,
): RgbaImage {
  precheck(bytes, source, maxPixels);
  try {
    const png = pngjs.PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const data = new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength);
    return { width: png.width, height: png.height, channels: 4, data };
  } catch (e) {
    throw new PngFormatError(source, `corrupt PNG: ${(e as Error).message}`);
  }
}

/**
 * Reads and decodes a PNG file. FileReadError for a missing, directory or empty file;
 * PngFormatError for anything that is not a decodable PNG.
 * @example
 * const img = readPng('digit.png');
 * preprocessDigit(img); // 28×28 MNIST-style bytes (not run: needs a PNG)
 */
export function readPng(path: string, maxPixels = DEFAULT_MAX_PIXELS): RgbaImage {
  return decodePng(readFileBytes(path, { gunzip: false }), path, maxPixels);
}

function hexStart(bytes: Uint8Array): string {
  return (
    Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ') ||
    '(nothing)'
  );
}
