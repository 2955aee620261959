/**
 * 16-bit floats as stored in safetensors files: IEEE 754 half (F16: 1 sign, 5 exponent,
 * 10 mantissa bits) and bfloat16 (BF16: 1 sign, 8 exponent, 7 mantissa bits, the top half of a
 * float32). JavaScript has no 16-bit float array in Node 20, so values travel as their bit patterns.
 */

interface HalfFormat {
  readonly expBits: number;
  readonly mantBits: number;
}

/** IEEE 754 binary16. */
export const F16: HalfFormat = { expBits: 5, mantBits: 10 };
/** bfloat16 (Google Brain float). */
export const BF16: HalfFormat = { expBits: 8, mantBits: 7 };

function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  return d > 0.5 || (d === 0.5 && f % 2 !== 0) ? f + 1 : f;
}

/**
 * Rounds a number to the nearest 16-bit float (ties to even) and returns its bit pattern.
 * Rounds directly from float64, not through float32, so no double rounding can occur.
 * @example
 * toHalfBits(1, F16); // → 0x3c00
 * toHalfBits(1, BF16); // → 0x3f80
 * toHalfBits(1e6, F16);  // 0x7c00 (Infinity: F16's largest finite value is 65504)
 */
export function toHalfBits(x: number, fmt: HalfFormat): number {
  const { expBits, mantBits } = fmt;
  const expMax = (1 << expBits) - 1;
  const bias = expMax >> 1;
  const infBits = expMax << mantBits;
  if (Number.isNaN(x)) return infBits | (1 << (mantBits - 1));
  const sign = x < 0 || Object.is(x, -0) ? 1 << (expBits + mantBits) : 0;
  const a = Math.abs(x);
  // Halfway between the largest finite value and the next power of two rounds to infinity.
  if (a >= (2 - 2 ** -(mantBits + 1)) * 2 ** bias) return sign | infBits;
  const eMin = 1 - bias;
  if (a < 2 ** eMin) {
    // Subnormal: a = m · 2^(eMin − mantBits); m = 2^mantBits rolls over into the smallest normal.
    return sign | roundHalfEven(a * 2 ** (mantBits - eMin));
  }
  let e = Math.floor(Math.log2(a));
  // log2 can be off by one near powers of two; fix it with exact comparisons.
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  const m = roundHalfEven((a / 2 ** e) * 2 ** mantBits);
  // m = 2^(mantBits+1) carries into the exponent field, which is the right result.
  return sign | (((e + bias) << mantBits) + (m - 2 ** mantBits));
}

/**
 * The value of a 16-bit float bit pattern.
 * @example
 * fromHalfBits(0x3c00, F16); // → 1
 * fromHalfBits(0x0001, F16);  // 5.960464477539063e-8 (2^-24, the smallest subnormal)
 */
export function fromHalfBits(bits: number, fmt: HalfFormat): number {
  const { expBits, mantBits } = fmt;
  const expMax = (1 << expBits) - 1;
  const bias = expMax >> 1;
  const sign = (bits >> (expBits + mantBits)) & 1 ? -1 : 1;
  const e = (bits >> mantBits) & expMax;
  const m = bits & ((1 << mantBits) - 1);
  if (e === 0) return sign * m * 2 ** (1 - bias - mantBits);
  if (e === expMax) return m === 0 ? sign * Infinity : NaN;
  return sign * (2 ** mantBits + m) * 2 ** (e - bias - mantBits);
}
