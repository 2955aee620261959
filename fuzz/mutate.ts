import type { Rng } from '../src/tensor/rng.js';
import { concat } from '../test/helpers/mutation.js';

// Values that tend to sit on boundaries: zero, sign bits, all ones, small and huge lengths.
const INTERESTING_BYTES = [0x00, 0x01, 0x7f, 0x80, 0xff, 0x20, 0x7b, 0x7d, 0x22];
const INTERESTING_U32 = [
  0,
  1,
  2,
  0x7f,
  0xff,
  0xffff,
  0x7fffffff,
  0x80000000,
  0xffffffff,
  1 << 24,
  1 << 30,
];

/**
 * One random damage to a byte string, the kinds that break parsers: bit flips, boundary values
 * at random positions (single bytes and 32-bit words in both byte orders), truncation,
 * insertion, deletion and duplication of ranges.
 */
export function mutateOnce(input: Uint8Array, rng: Rng): Uint8Array {
  const n = input.length;
  const at = n === 0 ? 0 : rng.int(n);
  const out = Uint8Array.from(input);
  switch (rng.int(9)) {
    case 0:
      if (n > 0) out[at] ^= 1 << rng.int(8);
      return out;
    case 1:
      if (n > 0) out[at] = rng.int(256);
      return out;
    case 2:
      if (n > 0) out[at] = INTERESTING_BYTES[rng.int(INTERESTING_BYTES.length)];
      return out;
    case 3: {
      if (n < 4) return out;
      const word = INTERESTING_U32[rng.int(INTERESTING_U32.length)];
      new DataView(out.buffer).setUint32(rng.int(n - 3), word, rng.next() < 0.5);
      return out;
    }
    case 4:
      return out.slice(0, at);
    case 5: {
      const extra = Uint8Array.from({ length: 1 + rng.int(16) }, () => rng.int(256));
      return concat(out.subarray(0, at), extra, out.subarray(at));
    }
    case 6: {
      const len = 1 + rng.int(Math.max(1, Math.min(64, n - at)));
      return concat(out.subarray(0, at), out.subarray(at + len));
    }
    case 7: {
      const len = 1 + rng.int(Math.max(1, Math.min(64, n - at)));
      return concat(out.subarray(0, at + len), out.subarray(at, at + len), out.subarray(at + len));
    }
    default: {
      // Append garbage, as a concatenated or padded file would.
      return concat(
        out,
        Uint8Array.from({ length: 1 + rng.int(32) }, () => rng.int(256)),
      );
    }
  }
}

/** 1 to maxSteps random damages in a row. */
export function mutate(input: Uint8Array, rng: Rng, maxSteps = 4): Uint8Array {
  let out = input;
  const steps = 1 + rng.int(maxSteps);
  for (let i = 0; i < steps; i++) out = mutateOnce(out, rng);
  return out;
}
