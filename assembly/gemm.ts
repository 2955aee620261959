// Matrix product c = op(a)·op(b) (+ c), op(a) (m×k), op(b) (k×n), row-major, for all four
// transpose combinations: both operands are packed (gemm-pack.ts), then one register-tiled
// micro-kernel (gemm-kernels.ts) computes 4-row tiles of c panel by panel. Packing makes
// transposed operands free for the kernel: TensorFlow.js's WASM matmul loses ~15× when an
// operand is transposed; here Aᵀ·B and A·Bᵀ run at the speed of A·B.
import { kernelNarrow, kernelWide } from './gemm-kernels';
import { packA, packPanel } from './gemm-pack';
import { at, lanes } from './lanes';

/** Bytes of scratch gemm needs: the packed op(a) plus one packed panel of op(b). */
export function gemmScratchBytes<T>(m: i32, k: i32): usize {
  return <usize>(((m + 3) >> 2) * 4 + 2 * lanes<T>()) * <usize>k * sizeof<T>();
}

/**
 * c = op(a)·op(b) (+ c when accumulate). transA: a is stored (k×m); transB: b is stored (n×k).
 * `scratch` must hold gemmScratchBytes<T>(m, k) bytes, 16-byte aligned.
 */
export function gemm<T>(
  transA: bool,
  transB: bool,
  m: i32,
  n: i32,
  k: i32,
  a: usize,
  b: usize,
  c: usize,
  accumulate: bool,
  scratch: usize,
): void {
  const L = lanes<T>();
  const tileBytes = <usize>(4 * k) * sizeof<T>();
  const panel = scratch + <usize>((m + 3) >> 2) * tileBytes;
  const ldc = <usize>n * sizeof<T>();
  packA<T>(transA, a, m, k, scratch);
  for (let j0 = 0; j0 < n; j0 += 2 * L) {
    const w = min(2 * L, n - j0);
    const wide = w > L;
    packPanel<T>(transB, b, n, k, j0, w, wide ? 2 * L : L, panel);
    let ap = scratch;
    let cp = at<T>(c, j0);
    for (let i0 = 0; i0 < m; i0 += 4, ap += tileBytes, cp += 4 * ldc) {
      const rows = min(4, m - i0);
      if (wide) kernelWide<T>(ap, panel, k, cp, ldc, rows, w, accumulate);
      else kernelNarrow<T>(ap, panel, k, cp, ldc, rows, w, accumulate);
    }
  }
}
