import { gzipSync } from 'node:zlib';
import pngjs from 'pngjs';
import {
  encodeIdx,
  expectIdxImages,
  expectIdxLabels,
  IdxFormatError,
  parseIdx,
} from '../src/data/idx.js';
import { decodeSafetensors } from '../src/io/safetensors-decode.js';
import { encodeSafetensors, SafetensorsError } from '../src/io/safetensors.js';
import { FileReadError } from '../src/platform/node/read-bytes.js';
import { decodeIdxBytes } from '../src/platform/node/read-idx-file.js';
import { decodePng, PngFormatError } from '../src/platform/node/read-png.js';
import type { Rng } from '../src/tensor/rng.js';
import { concat } from '../test/helpers/mutation.js';
import { buildPng, fixCrcs, ihdr, pngChunk } from '../test/helpers/png-chunks.js';
import {
  CleanUsageError,
  decodeArgv,
  encodeArgv,
  generateArgv,
  parseArgvCase,
} from './cli-options.js';
import { mutate } from './mutate.js';

/** A reader under fuzz: how to make a damaged input, how to read it, what counts as a clean error. */
export interface FuzzTarget {
  readonly name: string;
  generate(rng: Rng): Uint8Array;
  /** Reads the input; throws on bad input; returns a problem description when a result is inconsistent. */
  read(bytes: Uint8Array): string | undefined;
  readonly cleanErrors: readonly (abstract new (...args: never[]) => Error)[];
  /** The input in words, for `--case` replays (default: its byte count). */
  describe?(bytes: Uint8Array): string;
}

// Small bounds so that a bomb is refused quickly instead of filling memory.
const MAX_GUNZIP = 8 << 20;
const MAX_PIXELS = 1 << 20;

const product = (dims: readonly number[]): number => dims.reduce((p, d) => p * d, 1);
const bytesOf = (n: number, k: number): Uint8Array =>
  Uint8Array.from({ length: n }, (_, i) => (i * k) % 256);
const pick = <T>(items: readonly T[], rng: Rng): T => items[rng.int(items.length)];

const idxCorpus = [
  encodeIdx([5], Uint8Array.of(0, 9, 3, 1, 7)),
  encodeIdx([3, 4, 4], bytesOf(48, 37)),
  encodeIdx([2, 3], bytesOf(6, 5)),
  encodeIdx([1, 2, 1, 2], bytesOf(4, 1)),
  encodeIdx([1], Uint8Array.of(200)),
];

function readIdx(
  bytes: Uint8Array,
  parse: (b: Uint8Array) => ReturnType<typeof parseIdx>,
): string | undefined {
  const idx = parse(bytes);
  if (idx.magic === 2049) expectIdxLabels(idx, 'fuzz');
  if (idx.magic === 2051) expectIdxImages(idx, 'fuzz');
  return idx.data.length === product(idx.dims)
    ? undefined
    : `data length ${idx.data.length} ≠ product of [${idx.dims}]`;
}

const idxRaw: FuzzTarget = {
  name: 'idx-raw',
  generate: (rng) => mutate(pick(idxCorpus, rng), rng),
  read: (bytes) => readIdx(bytes, (b) => parseIdx(b, 'fuzz')),
  cleanErrors: [IdxFormatError],
};

// A gzip bomb: 32 MiB of zeros in ~32 KiB, four times the gunzip bound used here.
// Built on first use, so that workers for the other targets do not pay for it.
let gzCorpus: Uint8Array[] | undefined;
const gzipCorpus = (): Uint8Array[] =>
  (gzCorpus ??= [
    ...idxCorpus.map((b) => gzipSync(b)),
    gzipSync(new Uint8Array(32 << 20), { level: 9 }),
  ]);

const idxGzip: FuzzTarget = {
  name: 'idx-gzip',
  // Half damage the compressed stream; half damage the IDX inside a valid stream.
  generate: (rng) =>
    rng.next() < 0.5
      ? mutate(pick(gzipCorpus(), rng), rng)
      : gzipSync(mutate(pick(idxCorpus, rng), rng)),
  read: (bytes) => readIdx(bytes, (b) => decodeIdxBytes(b, 'fuzz', MAX_GUNZIP)),
  cleanErrors: [IdxFormatError, FileReadError],
};

const stCorpus = [
  encodeSafetensors(
    {
      W1: { dtype: 'F32', shape: [3, 2], data: Float32Array.of(1, -2, 3, 0.5, 1e-3, 7) },
      b1: { dtype: 'F64', shape: [2], data: Float64Array.of(0.1, -0.2) },
    },
    { format: 'gradlab', epoch: '3' },
  ),
  encodeSafetensors({
    h: { dtype: 'F16', shape: [2], data: Float32Array.of(1, 2) },
    g: { dtype: 'BF16', shape: [1, 1], data: Float32Array.of(3) },
    n: { dtype: 'I64', shape: [], data: BigInt64Array.of(-5n) },
    m: { dtype: 'BOOL', shape: [3], data: Uint8Array.of(1, 0, 1) },
    e: { dtype: 'I32', shape: [0, 2], data: new Int32Array(0) },
  }),
  encodeSafetensors({}),
];

const JSON_VALUES: unknown[] = [
  -1,
  0,
  1,
  3,
  2 ** 31,
  2 ** 53,
  2 ** 64,
  1.5,
  'x',
  'F32',
  'F8_E4M3',
  null,
  [],
  [0],
  [0, 0],
  [1, 2, 3],
  {},
  true,
];

/** Replaces one field of one header entry with a boundary value, keeping the file framing intact. */
function mutateHeader(file: Uint8Array, rng: Rng): Uint8Array {
  const n = Number(new DataView(file.buffer, file.byteOffset).getBigUint64(0, true));
  const header = JSON.parse(new TextDecoder().decode(file.subarray(8, 8 + n))) as Record<
    string,
    Record<string, unknown>
  >;
  const names = Object.keys(header);
  if (names.length > 0) {
    const entry = header[pick(names, rng)];
    const field = pick(['dtype', 'shape', 'data_offsets', 'extra'], rng);
    if (typeof entry === 'object' && entry !== null) entry[field] = pick(JSON_VALUES, rng);
  }
  const text = new TextEncoder().encode(JSON.stringify(header));
  const size = new Uint8Array(8);
  new DataView(size.buffer).setBigUint64(0, BigInt(text.length), true);
  return concat(size, text, file.subarray(8 + n, file.length - (rng.next() < 0.2 ? 1 : 0)));
}

const safetensors: FuzzTarget = {
  name: 'safetensors',
  generate: (rng) =>
    rng.next() < 0.3 ? mutateHeader(pick(stCorpus, rng), rng) : mutate(pick(stCorpus, rng), rng),
  read: (bytes) => {
    for (const [name, t] of Object.entries(decodeSafetensors(bytes, 'fuzz').tensors)) {
      if (t.data.length !== product(t.shape))
        return `tensor ${name}: ${t.data.length} elements for shape [${t.shape}]`;
    }
    return undefined;
  },
  cleanErrors: [SafetensorsError],
};

function pngjsWrite(
  width: number,
  height: number,
  colorType: 0 | 2 | 4 | 6,
  bitDepth: 8 | 16,
): Uint8Array {
  const png = new pngjs.PNG({ width, height });
  for (let i = 0; i < png.data.length; i++) png.data[i] = (i * 29) % 256;
  return pngjs.PNG.sync.write(png, { colorType, bitDepth, inputHasAlpha: true });
}

const pngCorpus = [
  pngjsWrite(3, 2, 0, 8),
  pngjsWrite(2, 2, 2, 8),
  pngjsWrite(4, 1, 6, 8),
  pngjsWrite(2, 3, 4, 16),
  pngjsWrite(1, 2, 6, 16),
  // Palette image with transparency, and an Adam7-interlaced 1×1 image (only pass 1 has a pixel).
  buildPng(ihdr(2, 1, 3), Uint8Array.of(0, 0x10), [
    pngChunk('PLTE', Uint8Array.of(255, 0, 0, 0, 255, 0)),
    pngChunk('tRNS', Uint8Array.of(128)),
  ]),
  buildPng(ihdr(1, 1, 0, 8, 1), Uint8Array.of(0, 77)),
];

const png: FuzzTarget = {
  name: 'png',
  // Fixing the CRCs half the time lets damage reach the decoder instead of stopping at the checksum.
  generate: (rng) => {
    const bytes = mutate(pick(pngCorpus, rng), rng);
    return rng.next() < 0.5 ? fixCrcs(bytes) : bytes;
  },
  read: (bytes) => {
    const img = decodePng(bytes, 'fuzz', MAX_PIXELS);
    return img.data.length === img.width * img.height * 4
      ? undefined
      : `RGBA length ${img.data.length} for ${img.width}×${img.height}`;
  },
  cleanErrors: [PngFormatError],
};

const cliOptions: FuzzTarget = {
  name: 'cli-options',
  generate: (rng) => encodeArgv(generateArgv(rng)),
  read: (bytes) => parseArgvCase(decodeArgv(bytes)),
  cleanErrors: [CleanUsageError],
  describe: (bytes) => `gradlab ${JSON.stringify(decodeArgv(bytes))}`,
};

/** Every fuzz target, in the order the driver runs them. */
export const TARGETS: readonly FuzzTarget[] = [idxRaw, idxGzip, safetensors, png, cliOptions];
