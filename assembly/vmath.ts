// Vectorised exp, log and sigmoid. float32 uses short polynomials accurate to a few ulp;
// float64 uses longer ones (exp) or the scalar libm functions (log, tanh) so that results stay
// within ~1e-15 relative of Math.exp / Math.log.

// ln 2 split so that n·LN2_HI is exact (Cody–Waite): the low bits of LN2_HI are zero.
const LN2_HI_F32: f32 = 0.693359375;
const LN2_LO_F32: f32 = -2.12194440e-4;
const LN2_HI_F64: f64 = 0.6931471803691238;
const LN2_LO_F64: f64 = 1.9082149292705877e-10;
const LOG2E: f64 = 1.4426950408889634;

/**
 * e^x for four float32 lanes: x = n·ln2 + r, |r| ≤ ln2/2, e^r by its degree-7 Taylor polynomial
 * (truncation < 5e-9), times 2^n built in the exponent bits. 2^n is applied in two halves so
 * that n = 128 (overflow to ∞) and n < −126 (gradual underflow) come out right.
 */
// @ts-ignore: decorator
@inline function expF32(v: v128): v128 {
  const x = f32x4.max(f32x4.min(v, f32x4.splat(88.8)), f32x4.splat(-104.0));
  const nf = f32x4.nearest(f32x4.mul(x, f32x4.splat(<f32>LOG2E)));
  let r = f32x4.sub(x, f32x4.mul(nf, f32x4.splat(LN2_HI_F32)));
  r = f32x4.sub(r, f32x4.mul(nf, f32x4.splat(LN2_LO_F32)));
  let p = f32x4.splat(<f32>(1.0 / 5040.0));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(<f32>(1.0 / 720.0)));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(<f32>(1.0 / 120.0)));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(<f32>(1.0 / 24.0)));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(<f32>(1.0 / 6.0)));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(0.5));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.0));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.0));
  const n = i32x4.trunc_sat_f32x4_s(nf);
  const h = i32x4.shr_s(n, 1);
  const s1 = i32x4.shl(i32x4.add(h, i32x4.splat(127)), 23);
  const s2 = i32x4.shl(i32x4.add(i32x4.sub(n, h), i32x4.splat(127)), 23);
  return f32x4.mul(f32x4.mul(p, s1), s2);
}

/**
 * e^x for two float64 lanes: the same reduction with a degree-12 Taylor polynomial
 * (truncation < 2e-16 relative), so results match Math.exp to about one ulp.
 */
// @ts-ignore: decorator
@inline function expF64(v: v128): v128 {
  const x = f64x2.max(f64x2.min(v, f64x2.splat(710.0)), f64x2.splat(-746.0));
  const nf = f64x2.nearest(f64x2.mul(x, f64x2.splat(LOG2E)));
  let r = f64x2.sub(x, f64x2.mul(nf, f64x2.splat(LN2_HI_F64)));
  r = f64x2.sub(r, f64x2.mul(nf, f64x2.splat(LN2_LO_F64)));
  let p = f64x2.splat(1.0 / 479001600.0);
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 39916800.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 3628800.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 362880.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 40320.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 5040.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 720.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 120.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 24.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 6.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 2.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 1.0));
  p = f64x2.add(f64x2.mul(p, r), f64x2.splat(1.0 / 1.0));
  const n = i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(nf));
  const h = i64x2.shr_s(n, 1);
  const s1 = i64x2.shl(i64x2.add(h, i64x2.splat(1023)), 52);
  const s2 = i64x2.shl(i64x2.add(i64x2.sub(n, h), i64x2.splat(1023)), 52);
  return f64x2.mul(f64x2.mul(p, s1), s2);
}

/** e^x lane-wise. */
// @ts-ignore: decorator
@inline export function vexp<T>(v: v128): v128 {
  return sizeof<T>() == 4 ? expF32(v) : expF64(v);
}

/**
 * ln x for four float32 lanes: x = m·2^e with m ∈ [√½, √2), ln m = 2·atanh(s), s = (m−1)/(m+1),
 * |s| ≤ 0.172, by its odd series to s⁹ (truncation < 3e-9). Subnormals are scaled by 2^23 first.
 */
// @ts-ignore: decorator
@inline function logF32(x: v128): v128 {
  const tiny = f32x4.lt(x, f32x4.splat(1.17549435e-38));
  const xs = v128.bitselect(f32x4.mul(x, f32x4.splat(8388608.0)), x, tiny);
  let e = i32x4.sub(i32x4.shr_u(xs, 23), i32x4.splat(127));
  e = i32x4.sub(e, v128.and(tiny, i32x4.splat(23)));
  let m = v128.or(v128.and(xs, i32x4.splat(0x007fffff)), i32x4.splat(0x3f800000));
  const big = f32x4.gt(m, f32x4.splat(1.41421356));
  m = v128.bitselect(f32x4.mul(m, f32x4.splat(0.5)), m, big);
  e = i32x4.sub(e, big); // big lanes are −1
  const f = f32x4.sub(m, f32x4.splat(1.0));
  const s = f32x4.div(f, f32x4.add(f, f32x4.splat(2.0)));
  const s2 = f32x4.mul(s, s);
  let q = f32x4.splat(<f32>(1.0 / 9.0));
  q = f32x4.add(f32x4.mul(q, s2), f32x4.splat(<f32>(1.0 / 7.0)));
  q = f32x4.add(f32x4.mul(q, s2), f32x4.splat(0.2));
  q = f32x4.add(f32x4.mul(q, s2), f32x4.splat(<f32>(1.0 / 3.0)));
  q = f32x4.add(f32x4.mul(q, s2), f32x4.splat(1.0));
  const ef = f32x4.convert_i32x4_s(e);
  const lo = f32x4.add(f32x4.mul(f32x4.add(s, s), q), f32x4.mul(ef, f32x4.splat(LN2_LO_F32)));
  let y = f32x4.add(f32x4.mul(ef, f32x4.splat(LN2_HI_F32)), lo);
  // ln 0 = −∞, ln(negative or NaN) = NaN, ln ∞ = ∞.
  y = v128.bitselect(f32x4.splat(-Infinity), y, f32x4.eq(x, f32x4.splat(0)));
  y = v128.bitselect(x, y, f32x4.eq(x, f32x4.splat(Infinity)));
  const bad = v128.or(f32x4.lt(x, f32x4.splat(0)), f32x4.ne(x, x));
  return v128.bitselect(f32x4.splat(NaN), y, bad);
}

/** ln x lane-wise (float64 lanes through the scalar libm log, which matches Math.log). */
// @ts-ignore: decorator
@inline export function vlog<T>(v: v128): v128 {
  if (sizeof<T>() == 4) return logF32(v);
  return f64x2.replace_lane(
    f64x2.splat(Math.log(f64x2.extract_lane(v, 0))),
    1,
    Math.log(f64x2.extract_lane(v, 1)),
  );
}

/** tanh lane-wise through the float64 libm tanh (rarely hot; exact to float64 rounding). */
// @ts-ignore: decorator
@inline export function vtanh<T>(v: v128): v128 {
  if (sizeof<T>() == 4) {
    let y = f32x4.splat(<f32>Math.tanh(<f64>f32x4.extract_lane(v, 0)));
    y = f32x4.replace_lane(y, 1, <f32>Math.tanh(<f64>f32x4.extract_lane(v, 1)));
    y = f32x4.replace_lane(y, 2, <f32>Math.tanh(<f64>f32x4.extract_lane(v, 2)));
    return f32x4.replace_lane(y, 3, <f32>Math.tanh(<f64>f32x4.extract_lane(v, 3)));
  }
  return f64x2.replace_lane(
    f64x2.splat(Math.tanh(f64x2.extract_lane(v, 0))),
    1,
    Math.tanh(f64x2.extract_lane(v, 1)),
  );
}

/**
 * σ(x) = 1/(1+e^−x), split by sign as the JS backend does so nothing overflows:
 * with e = e^−|x|, σ = 1/(1+e) for x ≥ 0 and e/(1+e) otherwise.
 */
// @ts-ignore: decorator
@inline export function vsigmoid<T>(x: v128): v128 {
  const e = vexp<T>(v128.neg<T>(v128.abs<T>(x)));
  const d = v128.div<T>(v128.splat<T>(<T>1), v128.add<T>(v128.splat<T>(<T>1), e));
  return v128.bitselect(d, v128.mul<T>(e, d), v128.ge<T>(x, v128.splat<T>(<T>0)));
}
