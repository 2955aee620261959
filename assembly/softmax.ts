// Row-wise softmax and the fused SoftmaxWithLoss forward and backward passes.
import { at, laneMax, lanes, laneSum, loadPartial, storePartial } from './lanes';
import { vexp } from './vmath';

/** Softmax of one row of `cols` values from x into y (y may be x); subtracts the row max first. */
// @ts-ignore: decorator
@inline function softmaxRow<T>(cols: i32, x: usize, y: usize): void {
  const L = lanes<T>();
  let vmax = v128.splat<T>(<T>-Infinity);
  let c = 0;
  for (; c + L <= cols; c += L) vmax = v128.pmax<T>(vmax, v128.load(at<T>(x, c)));
  let max = laneMax<T>(vmax);
  for (; c < cols; c++) {
    const v = load<T>(at<T>(x, c));
    if (v > max) max = v;
  }
  // Subtracting the max keeps every exponent ≤ 0, so exp never overflows.
  const vm = v128.splat<T>(max);
  let vsum = v128.splat<T>(<T>0);
  c = 0;
  for (; c + L <= cols; c += L) {
    const e = vexp<T>(v128.sub<T>(v128.load(at<T>(x, c)), vm));
    v128.store(at<T>(y, c), e);
    vsum = v128.add<T>(vsum, e);
  }
  const rest = cols - c;
  if (rest > 0) {
    // Padding lanes hold −∞, whose exp is 0, so they add nothing to the sum.
    const e = vexp<T>(v128.sub<T>(loadPartial<T>(at<T>(x, c), rest, <T>-Infinity), vm));
    storePartial<T>(at<T>(y, c), e, rest);
    vsum = v128.add<T>(vsum, e);
  }
  const inv = v128.splat<T>(<T>(1.0 / laneSum<T>(vsum)));
  c = 0;
  for (; c + L <= cols; c += L) {
    const p = at<T>(y, c);
    v128.store(p, v128.mul<T>(v128.load(p), inv));
  }
  for (; c < cols; c++) {
    const p = at<T>(y, c);
    store<T>(p, load<T>(p) * v128.extract_lane<T>(inv, 0));
  }
}

/** y = softmax(x) row-wise for x (rows×cols). */
export function softmaxRows<T>(rows: i32, cols: i32, x: usize, y: usize): void {
  for (let r = 0; r < rows; r++) softmaxRow<T>(cols, at<T>(x, r * cols), at<T>(y, r * cols));
}

/** y = softmax(x); returns Σₙ −ln(y[n, tₙ] + 1e-7) in float64 (labels: i32 at `labels`). */
export function softmaxCrossEntropy<T>(rows: i32, cols: i32, x: usize, labels: usize, y: usize): f64 {
  let loss: f64 = 0;
  for (let r = 0; r < rows; r++) {
    const yr = at<T>(y, r * cols);
    softmaxRow<T>(cols, at<T>(x, r * cols), yr);
    const t = load<i32>(labels + (<usize>r << 2));
    // The book's 1e-7 keeps ln away from −∞ when a probability underflows to 0.
    loss -= Math.log(<f64>load<T>(at<T>(yr, t)) + 1e-7);
  }
  return loss;
}

/** dx = scale·(y − onehot(t)). */
export function softmaxCrossEntropyBackward<T>(
  rows: i32,
  cols: i32,
  y: usize,
  labels: usize,
  scale: T,
  dx: usize,
): void {
  const L = lanes<T>();
  const n = rows * cols;
  const vs = v128.splat<T>(scale);
  let i = 0;
  for (; i + L <= n; i += L) v128.store(at<T>(dx, i), v128.mul<T>(v128.load(at<T>(y, i)), vs));
  for (; i < n; i++) store<T>(at<T>(dx, i), load<T>(at<T>(y, i)) * scale);
  for (let r = 0; r < rows; r++) {
    const p = at<T>(dx, r * cols + load<i32>(labels + (<usize>r << 2)));
    store<T>(p, load<T>(p) - scale);
  }
}
