// Helpers shared by every kernel: lane counts, partial (tail) loads and stores.
// Kernels are generic over T ∈ {f32, f64}; `sizeof<T>()` is a compile-time constant, so every
// branch on it disappears when a kernel is instantiated.

/** Scratch for tails and tile spills: 4 rows × 2 vectors, 16-byte aligned. */
export const TILE: usize = memory.data(128, 16);
const TAIL: usize = memory.data(16, 16);

/** Lanes per v128: 4 for f32, 2 for f64. */
// @ts-ignore: decorator
@inline export function lanes<T>(): i32 {
  return 16 / sizeof<T>();
}

/** Byte offset of element i. */
// @ts-ignore: decorator
@inline export function at<T>(p: usize, i: i32): usize {
  return p + (<usize>i << alignof<T>());
}

/** Loads `count` (< lanes) elements from p into a vector whose other lanes hold `pad`. */
// @ts-ignore: decorator
@inline export function loadPartial<T>(p: usize, count: i32, pad: T): v128 {
  v128.store(TAIL, v128.splat<T>(pad));
  for (let j = 0; j < count; j++) store<T>(at<T>(TAIL, j), load<T>(at<T>(p, j)));
  return v128.load(TAIL);
}

/** Stores the first `count` (< lanes) lanes of v at p. */
// @ts-ignore: decorator
@inline export function storePartial<T>(p: usize, v: v128, count: i32): void {
  v128.store(TAIL, v);
  for (let j = 0; j < count; j++) store<T>(at<T>(p, j), load<T>(at<T>(TAIL, j)));
}

/** Sum of the lanes of v, in float64. */
// @ts-ignore: decorator
@inline export function laneSum<T>(v: v128): f64 {
  if (sizeof<T>() == 4) {
    return (
      <f64>f32x4.extract_lane(v, 0) +
      <f64>f32x4.extract_lane(v, 1) +
      <f64>f32x4.extract_lane(v, 2) +
      <f64>f32x4.extract_lane(v, 3)
    );
  }
  return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
}

/** Largest lane of v (NaN lanes are skipped, as `x > max` skips them). */
// @ts-ignore: decorator
@inline export function laneMax<T>(v: v128): T {
  let m = <T>-Infinity;
  let x = v128.extract_lane<T>(v, 0);
  if (x > m) m = x;
  x = v128.extract_lane<T>(v, 1);
  if (x > m) m = x;
  if (sizeof<T>() == 4) {
    x = v128.extract_lane<T>(v, 2);
    if (x > m) m = x;
    x = v128.extract_lane<T>(v, 3);
    if (x > m) m = x;
  }
  return m;
}

/** c + x·b lane-wise (WebAssembly SIMD has no fused multiply-add without relaxed-simd). */
// @ts-ignore: decorator
@inline export function fma<T>(c: v128, x: v128, b: v128): v128 {
  return v128.add<T>(c, v128.mul<T>(x, b));
}

/** Stores v at p (+ the vector there when accumulate). */
// @ts-ignore: decorator
@inline export function storeVec<T>(p: usize, v: v128, accumulate: bool): void {
  v128.store(p, accumulate ? v128.add<T>(v128.load(p), v) : v);
}

/** True when the n values at p are all finite (x − x is 0 exactly for finite x, NaN otherwise). */
export function allFinite<T>(p: usize, n: i32): bool {
  const zero = v128.splat<T>(<T>0);
  let ok = v128.splat<i32>(-1);
  let i = 0;
  for (; i + lanes<T>() <= n; i += lanes<T>()) {
    const v = v128.load(at<T>(p, i));
    ok = v128.and(ok, v128.eq<T>(v128.sub<T>(v, v), zero));
  }
  let finite = v128.all_true<i32>(ok);
  for (; i < n; i++) {
    const x = load<T>(at<T>(p, i));
    finite &= x - x == <T>0;
  }
  return finite;
}
