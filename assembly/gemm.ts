// Matrix product c = op(a)·op(b) (+ c), op(a) (m×k), op(b) (k×n), row-major, for all four
// transpose combinations: both operands are packed (gemm-pack.ts), then one register-tiled
// micro-kernel (gemm-kernels.ts) computes 4-row tiles of c panel by panel. Packing makes
// transposed operands free for the kernel: TensorFlow.js's WASM matmul loses ~15× when an
// operand is transposed; here Aᵀ·B and A·Bᵀ run at the speed of A·B.
//
// Zero skipping: when b is not transposed and holds only finite numbers, the steps p where a
// tile's 4 values of op(a) are all zero are dropped from the packed tile (the JS reference skips
// a[i, p] = 0 on the same terms; with ∞ or NaN in b nothing is skipped, so 0·∞ still gives NaN).
// MNIST batches are ~81% zeros: the forward product x·W1 keeps ~39% of the steps and the weight
// gradient xᵀ·dout ~28%.
import { kernelNarrow, kernelWide } from './gemm-kernels';
import { compactTile, packA, packPanel } from './gemm-pack';
import { at, lanes } from './lanes';

/** True when the n values at p are all finite (x − x is 0 exactly for finite x, NaN otherwise). */
function allFinite<T>(p: usize, n: i32): bool {
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

/** 16-byte rounding of a byte count. */
// @ts-ignore: decorator
@inline function align16(bytes: usize): usize {
  return (bytes + 15) & ~(<usize>15);
}

/**
 * Bytes of scratch gemm needs: the packed op(a) tiles, their step lists and step counts, and one
 * packed panel of op(b).
 */
export function gemmScratchBytes<T>(m: i32, k: i32): usize {
  const tiles = <usize>((m + 3) >> 2);
  const kk = <usize>k;
  return tiles * 4 * kk * sizeof<T>() + align16(tiles * kk * 4) + align16(tiles * 4) + 2 * lanes<T>() * kk * sizeof<T>();
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
  const tiles = (m + 3) >> 2;
  const tileBytes = <usize>(4 * k) * sizeof<T>();
  const stepLists = scratch + <usize>tiles * tileBytes;
  const counts = stepLists + align16(<usize>tiles * <usize>k * 4);
  const panel = counts + align16(<usize>tiles * 4);
  const ldc = <usize>n * sizeof<T>();
  packA<T>(transA, a, m, k, scratch);
  const skipZeros = !transB && allFinite<T>(b, k * n);
  for (let t = 0; t < tiles; t++) {
    const ip = stepLists + <usize>t * <usize>k * 4;
    const steps = skipZeros ? compactTile<T>(scratch + <usize>t * tileBytes, k, ip) : k;
    store<i32>(counts + (<usize>t << 2), steps);
  }
  for (let j0 = 0; j0 < n; j0 += 2 * L) {
    const w = min(2 * L, n - j0);
    const wide = w > L;
    packPanel<T>(transB, b, n, k, j0, w, wide ? 2 * L : L, panel);
    let ap = scratch;
    let ip = stepLists;
    let cp = at<T>(c, j0);
    for (let t = 0; t < tiles; t++, ap += tileBytes, ip += <usize>k * 4, cp += 4 * ldc) {
      const rows = min(4, m - 4 * t);
      const steps = load<i32>(counts + (<usize>t << 2));
      if (wide) {
        if (steps == k) kernelWide<T>(false, ap, ip, steps, panel, cp, ldc, rows, w, accumulate);
        else kernelWide<T>(true, ap, ip, steps, panel, cp, ldc, rows, w, accumulate);
      } else if (steps == k) {
        kernelNarrow<T>(false, ap, ip, steps, panel, cp, ldc, rows, w, accumulate);
      } else {
        kernelNarrow<T>(true, ap, ip, steps, panel, cp, ldc, rows, w, accumulate);
      }
    }
  }
}
