// Batch filling: rows of a byte matrix (dataset pixels kept as uint8 in WASM memory) gathered by
// index and divided by a constant into float rows: out[i, j] = src[indices[i]·cols + j] / divisor.
// Dividing (not multiplying by 1/divisor) keeps the result the correctly rounded quotient, equal
// to the JS path's float64 x / 255 rounded to the output dtype.
import { at } from './lanes';

/** Four i32x4 vectors (bytes 0-3, 4-7, 8-11, 12-15 of v) converted and divided, stored at o. */
// @ts-ignore: decorator
@inline function storeBytesAsFloats<T>(v: v128, d: v128, o: usize): void {
  const lo = i16x8.extend_low_i8x16_u(v);
  const hi = i16x8.extend_high_i8x16_u(v);
  const q0 = i32x4.extend_low_i16x8_u(lo);
  const q1 = i32x4.extend_high_i16x8_u(lo);
  const q2 = i32x4.extend_low_i16x8_u(hi);
  const q3 = i32x4.extend_high_i16x8_u(hi);
  if (sizeof<T>() == 4) {
    v128.store(o, f32x4.div(f32x4.convert_i32x4_u(q0), d));
    v128.store(o, f32x4.div(f32x4.convert_i32x4_u(q1), d), 16);
    v128.store(o, f32x4.div(f32x4.convert_i32x4_u(q2), d), 32);
    v128.store(o, f32x4.div(f32x4.convert_i32x4_u(q3), d), 48);
    return;
  }
  const h0 = v128.shuffle<i32>(q0, q0, 2, 3, 0, 1);
  const h1 = v128.shuffle<i32>(q1, q1, 2, 3, 0, 1);
  const h2 = v128.shuffle<i32>(q2, q2, 2, 3, 0, 1);
  const h3 = v128.shuffle<i32>(q3, q3, 2, 3, 0, 1);
  v128.store(o, f64x2.div(f64x2.convert_low_i32x4_u(q0), d));
  v128.store(o, f64x2.div(f64x2.convert_low_i32x4_u(h0), d), 16);
  v128.store(o, f64x2.div(f64x2.convert_low_i32x4_u(q1), d), 32);
  v128.store(o, f64x2.div(f64x2.convert_low_i32x4_u(h1), d), 48);
  v128.store(o, f64x2.div(f64x2.convert_low_i32x4_u(q2), d), 64);
  v128.store(o, f64x2.div(f64x2.convert_low_i32x4_u(h2), d), 80);
  v128.store(o, f64x2.div(f64x2.convert_low_i32x4_u(q3), d), 96);
  v128.store(o, f64x2.div(f64x2.convert_low_i32x4_u(h3), d), 112);
}

/** out[i, j] = src[indices[i]·cols + j] / divisor for i < count, j < cols (indices: i32 at `indices`). */
export function gatherBytesRows<T>(src: usize, cols: i32, indices: usize, count: i32, divisor: T, out: usize): void {
  const d = v128.splat<T>(divisor);
  for (let i = 0; i < count; i++) {
    const row = src + <usize>load<i32>(indices + (<usize>i << 2)) * <usize>cols;
    const o = at<T>(out, i * cols);
    let j = 0;
    for (; j + 16 <= cols; j += 16) storeBytesAsFloats<T>(v128.load(row + <usize>j), d, at<T>(o, j));
    for (; j < cols; j++) store<T>(at<T>(o, j), <T>load<u8>(row + <usize>j) / divisor);
  }
}
