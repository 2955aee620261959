// Reductions: total sum, column sums (Affine's db) and row-wise argmax. Sums of float32 data are
// accumulated in float64, as the JS backend does, so both backends agree to float32 rounding.
import { at, laneSum, lanes } from './lanes';

/** Σ x[i] in float64 (two independent accumulators for instruction-level parallelism). */
export function sum<T>(x: usize, n: i32): f64 {
  let acc0 = f64x2.splat(0);
  let acc1 = f64x2.splat(0);
  let i = 0;
  if (sizeof<T>() == 4) {
    for (; i + 4 <= n; i += 4) {
      const v = v128.load(at<T>(x, i));
      acc0 = f64x2.add(acc0, f64x2.promote_low_f32x4(v));
      acc1 = f64x2.add(acc1, f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1)));
    }
  } else {
    for (; i + 4 <= n; i += 4) {
      acc0 = f64x2.add(acc0, v128.load(at<T>(x, i)));
      acc1 = f64x2.add(acc1, v128.load(at<T>(x, i + 2)));
    }
  }
  let s = laneSum<f64>(f64x2.add(acc0, acc1));
  for (; i < n; i++) s += <f64>load<T>(at<T>(x, i));
  return s;
}

/** out[c] = Σ_r x[r, c] for x (rows×cols), accumulated in float64 lanes. */
export function sumAxis0<T>(rows: i32, cols: i32, x: usize, out: usize): void {
  const L = lanes<T>();
  let c = 0;
  for (; c + L <= cols; c += L) {
    let lo = f64x2.splat(0);
    let hi = f64x2.splat(0);
    for (let r = 0; r < rows; r++) {
      const v = v128.load(at<T>(x, r * cols + c));
      if (sizeof<T>() == 4) {
        lo = f64x2.add(lo, f64x2.promote_low_f32x4(v));
        hi = f64x2.add(hi, f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1)));
      } else {
        lo = f64x2.add(lo, v);
      }
    }
    if (sizeof<T>() == 4) {
      const a = f32x4.demote_f64x2_zero(lo);
      const b = f32x4.demote_f64x2_zero(hi);
      v128.store(at<T>(out, c), v128.shuffle<f32>(a, b, 0, 1, 4, 5));
    } else {
      v128.store(at<T>(out, c), lo);
    }
  }
  for (; c < cols; c++) {
    let s: f64 = 0;
    for (let r = 0; r < rows; r++) s += <f64>load<T>(at<T>(x, r * cols + c));
    store<T>(at<T>(out, c), <T>s);
  }
}

/** out[r] = the first index of the largest x[r, ·] (NaN never wins, as in `x > best`). */
export function argmaxRows<T>(rows: i32, cols: i32, x: usize, out: usize): void {
  for (let r = 0; r < rows; r++) {
    const row = at<T>(x, r * cols);
    let best = 0;
    let bestValue = load<T>(row);
    for (let c = 1; c < cols; c++) {
      const v = load<T>(at<T>(row, c));
      if (v > bestValue) {
        best = c;
        bestValue = v;
      }
    }
    store<i32>(out + ((<usize>r) << 2), best);
  }
}
