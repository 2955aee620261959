// Packing for gemm: op(a) into 4-row tiles (ap[4p + r] = op(a)[i0 + r, p]) and op(b) into panels
// (bp[width·p + j] = op(b)[p, j0 + j]), zero-padded past the matrix edge. After packing, the
// micro-kernels read both operands contiguously whatever the transpose flags were; a layout
// that needs transposing goes through lanes×lanes SIMD block transposes.
import { at, lanes } from './lanes';

/**
 * Transposes one lanes×lanes block (4×4 f32, 2×2 f64): row q of the block starts at
 * src + q·srcStride; column q of it is written as a vector at dst + q·dstStride (bytes).
 */
// @ts-ignore: decorator
@inline function transposeBlock<T>(src: usize, srcStride: usize, dst: usize, dstStride: usize): void {
  const v0 = v128.load(src);
  const v1 = v128.load(src + srcStride);
  if (sizeof<T>() == 8) {
    v128.store(dst, v128.shuffle<f64>(v0, v1, 0, 2));
    v128.store(dst + dstStride, v128.shuffle<f64>(v0, v1, 1, 3));
    return;
  }
  const v2 = v128.load(src + 2 * srcStride);
  const v3 = v128.load(src + 3 * srcStride);
  const t0 = v128.shuffle<f32>(v0, v1, 0, 4, 1, 5);
  const t1 = v128.shuffle<f32>(v2, v3, 0, 4, 1, 5);
  const t2 = v128.shuffle<f32>(v0, v1, 2, 6, 3, 7);
  const t3 = v128.shuffle<f32>(v2, v3, 2, 6, 3, 7);
  v128.store(dst, v128.shuffle<f32>(t0, t1, 0, 1, 4, 5));
  v128.store(dst + dstStride, v128.shuffle<f32>(t0, t1, 2, 3, 6, 7));
  v128.store(dst + 2 * dstStride, v128.shuffle<f32>(t2, t3, 0, 1, 4, 5));
  v128.store(dst + 3 * dstStride, v128.shuffle<f32>(t2, t3, 2, 3, 6, 7));
}

/**
 * dst[p·width + j] = src[j·srcStride + p] for j < w, p < k (zero for w ≤ j < width): a
 * row-major block of w rows becomes `width`-wide rows, one per p.
 */
function transposeInto<T>(src: usize, srcStride: usize, w: i32, k: i32, width: i32, dst: usize): void {
  const L = lanes<T>();
  const S = sizeof<T>();
  const rowBytes = <usize>width * S;
  let j = 0;
  for (; j + L <= w; j += L) {
    const s = src + <usize>j * srcStride;
    let p = 0;
    for (; p + L <= k; p += L) {
      transposeBlock<T>(s + <usize>p * S, srcStride, at<T>(dst, p * width + j), rowBytes);
    }
    for (; p < k; p++) {
      for (let q = 0; q < L; q++) {
        store<T>(at<T>(dst, p * width + j + q), load<T>(s + <usize>q * srcStride + <usize>p * S));
      }
    }
  }
  for (; j < width; j++) {
    const s = src + <usize>j * srcStride;
    for (let p = 0; p < k; p++) store<T>(at<T>(dst, p * width + j), j < w ? load<T>(at<T>(s, p)) : <T>0);
  }
}

/** Packs rows from..to−1 of op(a) (m×k) as consecutive tiles of 4·k values, rows ≥ m zero. */
export function packA<T>(transA: bool, a: usize, m: i32, k: i32, from: i32, to: i32, dst: usize): void {
  const S = sizeof<T>();
  const tileBytes = <usize>(4 * k) * S;
  for (let i0 = from; i0 < to; i0 += 4, dst += tileBytes) {
    const rows = min(4, m - i0);
    if (!transA) {
      transposeInto<T>(at<T>(a, i0 * k), <usize>k * S, rows, k, 4, dst);
    } else if (rows == 4) {
      // op(a)[i, p] = a[p·m + i]: the 4 values for one p are already contiguous.
      let src = at<T>(a, i0);
      for (let p = 0, d = dst; p < k; p++, src += <usize>m * S, d += 4 * S) {
        v128.store(d, v128.load(src));
        if (S == 8) v128.store(d, v128.load(src, 16), 16);
      }
    } else {
      for (let p = 0; p < k; p++) {
        for (let r = 0; r < 4; r++) {
          store<T>(at<T>(dst, 4 * p + r), r < rows ? load<T>(at<T>(a, p * m + i0 + r)) : <T>0);
        }
      }
    }
  }
}

/**
 * Removes the steps of a packed a-tile whose 4 values are all zero, in place, and writes the p
 * of each remaining step as an i32 at idx; returns how many remain. (−0 and NaN count as
 * non-zero.) Two passes: the step list is built branch-free (the p is always written, the count
 * advances only past non-zero steps: a branch would mispredict about half the time on images),
 * then the listed steps are moved forward, each move independent of the others.
 */
export function compactTile<T>(tile: usize, k: i32, idx: usize): i32 {
  const S = sizeof<T>();
  let count = 0;
  for (let p = 0, r = tile; p < k; p++, r += 4 * S) {
    let live = v128.any_true(v128.load(r));
    if (S == 8) live |= v128.any_true(v128.load(r, 16));
    store<i32>(idx + (<usize>count << 2), p);
    count += <i32>live;
  }
  if (count == k) return k;
  for (let q = 0; q < count; q++) {
    const from = tile + <usize>load<i32>(idx + (<usize>q << 2)) * 4 * S;
    const to = tile + <usize>q * 4 * S;
    v128.store(to, v128.load(from));
    if (S == 8) v128.store(to, v128.load(from, 16), 16);
  }
  return count;
}

/** Packs columns j0..j0+w−1 of op(b) (k×n) into dst as k rows of `width` values, zero-padded. */
function packPanel<T>(
  transB: bool,
  b: usize,
  n: i32,
  k: i32,
  j0: i32,
  w: i32,
  width: i32,
  dst: usize,
): void {
  const S = sizeof<T>();
  const rowBytes = <usize>width * S;
  if (transB) {
    // op(b)[p, j] = b[j·k + p]: rows j0.. of b, transposed.
    transposeInto<T>(at<T>(b, j0 * k), <usize>k * S, w, k, width, dst);
    return;
  }
  let src = at<T>(b, j0);
  const stride = <usize>n * S;
  if (w == width) {
    for (let p = 0; p < k; p++, src += stride, dst += rowBytes) {
      v128.store(dst, v128.load(src));
      if (width > lanes<T>()) v128.store(dst, v128.load(src, 16), 16);
    }
    return;
  }
  for (let p = 0; p < k; p++, src += stride, dst += rowBytes) {
    for (let j = 0; j < width; j++) store<T>(at<T>(dst, j), j < w ? load<T>(at<T>(src, j)) : <T>0);
  }
}

/**
 * Packs all of op(b) (k×n) as consecutive panels: 2·lanes columns each, the last one lanes wide
 * when at most lanes columns remain (see panelWidth).
 */
export function packB<T>(transB: bool, b: usize, n: i32, k: i32, dst: usize): void {
  for (let j0 = 0; j0 < n; j0 += 2 * lanes<T>()) {
    const w = min(2 * lanes<T>(), n - j0);
    const width = panelWidth<T>(w);
    packPanel<T>(transB, b, n, k, j0, w, width, dst);
    dst += <usize>width * <usize>k * sizeof<T>();
  }
}

/** The packed width of a panel holding w ≤ 2·lanes columns: one vector when w fits in one. */
// @ts-ignore: decorator
@inline export function panelWidth<T>(w: i32): i32 {
  return w > lanes<T>() ? 2 * lanes<T>() : lanes<T>();
}
