// Matrix product c = op(a)·op(b) (+ c), op(a) (m×k), op(b) (k×n), row-major, for all four
// transpose combinations: both operands are packed (gemm-pack.ts), then one register-tiled
// micro-kernel (gemm-kernels.ts) computes 4-row tiles of c panel by panel. Packing makes
// transposed operands free for the kernel: TensorFlow.js's WASM matmul loses ~15× when an
// operand is transposed; here Aᵀ·B and A·Bᵀ run at the speed of A·B.
//
// Blocking: op(b) is packed once (panels of 2·lanes columns, one stays in L1 while it meets
// every tile of a block); op(a) is packed BLOCK_ROWS rows at a time (≤ 400 KB at k = 784 in
// float32, so a block stays in L2 while all panels pass over it, even when m is 10,000).
//
// Zero skipping: when b is not transposed and holds only finite numbers, the steps p where a
// tile's 4 values of op(a) are all zero are dropped from the packed tile (the JS reference skips
// a[i, p] = 0 on the same terms; with ∞ or NaN in b nothing is skipped, so 0·∞ still gives NaN).
// MNIST batches are ~81% zeros: the forward product x·W1 keeps ~39% of the steps and the weight
// gradient xᵀ·dout ~28%. The first tile of each block decides whether skipping pays, measured:
// a kept step costs ~1.6× a dense step (its panel row is loaded through the step list) and
// finding the steps ~0.6 dense steps once per tile, so skip when live·1.6 + 0.6·k/panels < k.
import { kernelNarrow, kernelWide } from './gemm-kernels';
import { compactTile, packA, packB, panelWidth } from './gemm-pack';
import { allFinite, at, lanes } from './lanes';

/** Rows of op(a) packed at a time (a multiple of 4). */
const BLOCK_ROWS = 128;

/** How many steps of a packed a-tile hold a non-zero value (−0 and NaN count as non-zero). */
function liveSteps<T>(tile: usize, k: i32): i32 {
  let live = 0;
  for (let p = 0, r = tile; p < k; p++, r += 4 * sizeof<T>()) {
    let any = v128.any_true(v128.load(r));
    if (sizeof<T>() == 8) any |= v128.any_true(v128.load(r, 16));
    live += <i32>any;
  }
  return live;
}

/** 16-byte rounding of a byte count. */
// @ts-ignore: decorator
@inline function align16(bytes: usize): usize {
  return (bytes + 15) & ~(<usize>15);
}

/** Bytes of one packed block of op(a): its tiles, their step lists and step counts. */
// @ts-ignore: decorator
@inline function blockBytes<T>(rows: i32, k: i32): usize {
  const tiles = <usize>((rows + 3) >> 2);
  return tiles * 4 * <usize>k * sizeof<T>() + align16(tiles * <usize>k * 4) + align16(tiles * 4);
}

/** Bytes of scratch gemm needs: one packed block of op(a) and all of op(b), packed. */
export function gemmScratchBytes<T>(m: i32, n: i32, k: i32): usize {
  const panels = <usize>((n + 2 * lanes<T>() - 1) / (2 * lanes<T>()));
  return blockBytes<T>(min(m, BLOCK_ROWS), k) + panels * 2 * lanes<T>() * <usize>k * sizeof<T>();
}

/**
 * c = op(a)·op(b) (+ c when accumulate). transA: a is stored (k×m); transB: b is stored (n×k).
 * `scratch` must hold gemmScratchBytes<T>(m, n, k) bytes, 16-byte aligned.
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
  const stepBytes = <usize>k * 4;
  const packedB = scratch + blockBytes<T>(min(m, BLOCK_ROWS), k);
  const ldc = <usize>n * sizeof<T>();
  const panels = (n + 2 * L - 1) / (2 * L);
  let bFinite = -1; // unknown until a block wants to skip
  packB<T>(transB, b, n, k, packedB);
  for (let i0 = 0; i0 < m; i0 += BLOCK_ROWS) {
    const i1 = min(m, i0 + BLOCK_ROWS);
    const tiles = (i1 - i0 + 3) >> 2;
    const stepLists = scratch + <usize>tiles * tileBytes;
    const counts = stepLists + align16(<usize>tiles * stepBytes);
    packA<T>(transA, a, m, k, i0, i1, scratch);
    let skipZeros = false;
    if (!transB && liveSteps<T>(scratch, k) * 16 * panels + 6 * k < 10 * k * panels) {
      if (bFinite < 0) bFinite = <i32>allFinite<T>(b, k * n);
      skipZeros = bFinite == 1;
    }
    for (let t = 0; t < tiles; t++) {
      const ip = stepLists + <usize>t * stepBytes;
      const steps = skipZeros ? compactTile<T>(scratch + <usize>t * tileBytes, k, ip) : k;
      store<i32>(counts + (<usize>t << 2), steps);
    }
    let panel = packedB;
    for (let j0 = 0; j0 < n; j0 += 2 * L) {
      const w = min(2 * L, n - j0);
      const width = panelWidth<T>(w);
      let ap = scratch;
      let ip = stepLists;
      let cp = at<T>(c, i0 * n + j0);
      for (let t = 0; t < tiles; t++, ap += tileBytes, ip += stepBytes, cp += 4 * ldc) {
        const rows = min(4, i1 - i0 - 4 * t);
        const steps = load<i32>(counts + (<usize>t << 2));
        if (width > L) {
          if (steps == k) kernelWide<T>(false, ap, ip, steps, panel, cp, ldc, rows, w, accumulate);
          else kernelWide<T>(true, ap, ip, steps, panel, cp, ldc, rows, w, accumulate);
        } else if (steps == k) {
          kernelNarrow<T>(false, ap, ip, steps, panel, cp, ldc, rows, w, accumulate);
        } else {
          kernelNarrow<T>(true, ap, ip, steps, panel, cp, ldc, rows, w, accumulate);
        }
      }
      panel += <usize>width * <usize>k * sizeof<T>();
    }
  }
}
