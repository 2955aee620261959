// The module's exports: every kernel instantiated for float32 (F32) and float64 (F64).
// Pointers are byte offsets into linear memory, which the JS side allocates (the module itself
// never allocates: it is built with the stub runtime and memory above __heap_base is JS's).
import { gemm, gemmScratchBytes } from './gemm';
import { axpy, binary, binaryRowVector, binaryScalar, RELU_BACKWARD, SIGMOID_BACKWARD, unary } from './elementwise';
import { gatherBytesRows } from './gather';
import { argmaxRows, sum, sumAxis0 } from './reduce';
import { softmaxCrossEntropy, softmaxCrossEntropyBackward, softmaxRows } from './softmax';

/** First byte free for the JS allocator. */
export function heapBase(): usize {
  return __heap_base;
}

/** Bytes of scratch that gemmF32 / gemmF64 need for c (m×n) = op(a) (m×k) · op(b) (k×n). */
export function gemmScratchBytesF32(m: i32, n: i32, k: i32): usize { return gemmScratchBytes<f32>(m, n, k); }
export function gemmScratchBytesF64(m: i32, n: i32, k: i32): usize { return gemmScratchBytes<f64>(m, n, k); }

export function gemmF32(tA: bool, tB: bool, m: i32, n: i32, k: i32, a: usize, b: usize, c: usize, acc: bool, s: usize): void {
  gemm<f32>(tA, tB, m, n, k, a, b, c, acc, s);
}
export function gemmF64(tA: bool, tB: bool, m: i32, n: i32, k: i32, a: usize, b: usize, c: usize, acc: bool, s: usize): void {
  gemm<f64>(tA, tB, m, n, k, a, b, c, acc, s);
}

export function unaryF32(op: i32, x: usize, out: usize, n: i32): void { unary<f32>(op, x, out, n); }
export function unaryF64(op: i32, x: usize, out: usize, n: i32): void { unary<f64>(op, x, out, n); }

export function binaryF32(op: i32, a: usize, b: usize, out: usize, n: i32): void { binary<f32>(op, a, b, out, n); }
export function binaryF64(op: i32, a: usize, b: usize, out: usize, n: i32): void { binary<f64>(op, a, b, out, n); }

export function binaryScalarF32(op: i32, a: usize, s: f64, out: usize, n: i32): void {
  binaryScalar<f32>(op, a, <f32>s, out, n);
}
export function binaryScalarF64(op: i32, a: usize, s: f64, out: usize, n: i32): void {
  binaryScalar<f64>(op, a, s, out, n);
}

export function binaryRowVectorF32(op: i32, rows: i32, cols: i32, x: usize, v: usize, out: usize): void {
  binaryRowVector<f32>(op, rows, cols, x, v, out);
}
export function binaryRowVectorF64(op: i32, rows: i32, cols: i32, x: usize, v: usize, out: usize): void {
  binaryRowVector<f64>(op, rows, cols, x, v, out);
}

export function reluBackwardF32(dout: usize, x: usize, out: usize, n: i32): void {
  binary<f32>(RELU_BACKWARD, dout, x, out, n);
}
export function reluBackwardF64(dout: usize, x: usize, out: usize, n: i32): void {
  binary<f64>(RELU_BACKWARD, dout, x, out, n);
}
export function sigmoidBackwardF32(dout: usize, y: usize, out: usize, n: i32): void {
  binary<f32>(SIGMOID_BACKWARD, dout, y, out, n);
}
export function sigmoidBackwardF64(dout: usize, y: usize, out: usize, n: i32): void {
  binary<f64>(SIGMOID_BACKWARD, dout, y, out, n);
}

export function axpyF32(alpha: f64, x: usize, y: usize, n: i32): void { axpy<f32>(<f32>alpha, x, y, n); }
export function axpyF64(alpha: f64, x: usize, y: usize, n: i32): void { axpy<f64>(alpha, x, y, n); }

export function sumF32(x: usize, n: i32): f64 { return sum<f32>(x, n); }
export function sumF64(x: usize, n: i32): f64 { return sum<f64>(x, n); }

export function sumAxis0F32(rows: i32, cols: i32, x: usize, out: usize): void { sumAxis0<f32>(rows, cols, x, out); }
export function sumAxis0F64(rows: i32, cols: i32, x: usize, out: usize): void { sumAxis0<f64>(rows, cols, x, out); }

export function argmaxRowsF32(rows: i32, cols: i32, x: usize, out: usize): void { argmaxRows<f32>(rows, cols, x, out); }
export function argmaxRowsF64(rows: i32, cols: i32, x: usize, out: usize): void { argmaxRows<f64>(rows, cols, x, out); }

export function softmaxRowsF32(rows: i32, cols: i32, x: usize, y: usize): void { softmaxRows<f32>(rows, cols, x, y); }
export function softmaxRowsF64(rows: i32, cols: i32, x: usize, y: usize): void { softmaxRows<f64>(rows, cols, x, y); }

export function softmaxCrossEntropyF32(rows: i32, cols: i32, x: usize, t: usize, y: usize): f64 {
  return softmaxCrossEntropy<f32>(rows, cols, x, t, y);
}
export function softmaxCrossEntropyF64(rows: i32, cols: i32, x: usize, t: usize, y: usize): f64 {
  return softmaxCrossEntropy<f64>(rows, cols, x, t, y);
}

export function softmaxCrossEntropyBackwardF32(rows: i32, cols: i32, y: usize, t: usize, scale: f64, dx: usize): void {
  softmaxCrossEntropyBackward<f32>(rows, cols, y, t, <f32>scale, dx);
}
export function softmaxCrossEntropyBackwardF64(rows: i32, cols: i32, y: usize, t: usize, scale: f64, dx: usize): void {
  softmaxCrossEntropyBackward<f64>(rows, cols, y, t, scale, dx);
}

export function gatherBytesRowsF32(src: usize, cols: i32, idx: usize, count: i32, divisor: f64, out: usize): void {
  gatherBytesRows<f32>(src, cols, idx, count, <f32>divisor, out);
}
export function gatherBytesRowsF64(src: usize, cols: i32, idx: usize, count: i32, divisor: f64, out: usize): void {
  gatherBytesRows<f64>(src, cols, idx, count, divisor, out);
}
