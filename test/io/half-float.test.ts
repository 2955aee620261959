import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BF16, F16, fromHalfBits, toHalfBits } from '../../src/io/half-float.js';

// Fixture: numpy 2.4 np.float64(v).astype(np.float16).view(np.uint16), exact bit patterns.
const NUMPY_F16: [number, number][] = [
  [0, 0x0000],
  [-0, 0x8000],
  [1, 0x3c00],
  [-2.5, 0xc100],
  [65504, 0x7bff],
  [65519.99, 0x7bff],
  [65520, 0x7c00],
  [1e-8, 0x0000],
  [2 ** -24, 0x0001],
  [2 ** -25, 0x0000],
  [3 * 2 ** -25, 0x0002],
  [6.1e-5, 0x03ff],
  [1 / 3, 0x3555],
  [0.1, 0x2e66],
  [1 + 2 ** -11, 0x3c00],
  [1 + 3 * 2 ** -11, 0x3c02],
  [Infinity, 0x7c00],
  [-1e5, 0xfc00],
  [2 ** -14, 0x0400],
  [2 ** -14 - 2 ** -25, 0x0400],
];

/** bfloat16 reference for float32 inputs: round the float32 bits to their top 16, ties to even. */
function bf16FromF32(x: number): number {
  const u = new Uint32Array(Float32Array.of(x).buffer)[0];
  return ((u + 0x7fff + ((u >>> 16) & 1)) >>> 16) & 0xffff;
}

describe('toHalfBits', () => {
  it('rounds to F16 exactly as numpy does, ties to even, overflow to infinity', () => {
    for (const [v, bits] of NUMPY_F16) assert.equal(toHalfBits(v, F16), bits, `value ${v}`);
  });

  it('gives a quiet NaN for NaN', () => {
    assert.ok(Number.isNaN(fromHalfBits(toHalfBits(Number.NaN, F16), F16)));
    assert.equal(toHalfBits(Number.NaN, BF16), 0x7fc0);
  });

  it('rounds float32 values to BF16 as truncation with round-to-nearest-even does', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true }), (x) => {
        assert.equal(toHalfBits(x, BF16), bf16FromF32(x));
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});

describe('fromHalfBits', () => {
  it('decodes every F16 and BF16 bit pattern back to itself', () => {
    for (const fmt of [F16, BF16]) {
      for (let h = 0; h < 0x10000; h++) {
        const v = fromHalfBits(h, fmt);
        if (Number.isNaN(v)) continue;
        assert.equal(toHalfBits(v, fmt), h, `pattern 0x${h.toString(16)}`);
      }
    }
  });

  it('decodes the extremes of F16', () => {
    assert.equal(fromHalfBits(0x7bff, F16), 65504);
    assert.equal(fromHalfBits(0x0001, F16), 2 ** -24);
    assert.equal(fromHalfBits(0xfc00, F16), -Infinity);
    assert.equal(fromHalfBits(0x3f80, BF16), 1);
  });
});
