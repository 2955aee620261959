// The gemm micro-kernels: one 4-row tile of c against one packed panel of op(b).
// A packed a-tile holds op(a)[i0 + r, p] at ap[4s + r] for its s-th step; a packed panel holds
// op(b)[p, j0 + j] at bp[width·p + j]. Dense tiles step through every p; sparse tiles (steps
// where all 4 values of op(a) are zero removed, see gemm-pack.ts) carry the p of each step in
// an i32 list and load the panel row at that p.
// Each step costs one broadcast load per row, one load per panel vector and the multiply-adds,
// plus the pointer increments; the loop ends on a pointer compare (no counter). Measured on
// Node 20 (V8 11.3): 4 rows × 2 vectors = 8 v128 accumulators is the sweet spot; unrolling k by
// hand makes V8 hoist every load of the unrolled body to the top of the loop and spill
// accumulators (−40%), so the loop is left for V8 to unroll (it does, by 2).
import { at, fma, lanes, storeVec, TILE } from './lanes';

/** Copies the first rows×cols values of the spilled tile (row pitch `pitch` values) into c. */
function storeFromTile<T>(
  c: usize,
  ldc: usize,
  rows: i32,
  cols: i32,
  pitch: i32,
  accumulate: bool,
): void {
  for (let r = 0; r < rows; r++) {
    const cr = c + <usize>r * ldc;
    for (let j = 0; j < cols; j++) {
      const v = load<T>(at<T>(TILE, r * pitch + j));
      const p = at<T>(cr, j);
      store<T>(p, accumulate ? load<T>(p) + v : v);
    }
  }
}

/**
 * c[0..rows, 0..cols] (+)= a-tile · panel for a panel 2 vectors wide (4×8 f32, 4×4 f64).
 * `steps` steps of the tile at ap; when sparse, their p values are the i32s at ip.
 */
// @ts-ignore: decorator
@inline export function kernelWide<T>(
  sparse: bool,
  ap: usize,
  ip: usize,
  steps: i32,
  bp: usize,
  c: usize,
  ldc: usize,
  rows: i32,
  cols: i32,
  accumulate: bool,
): void {
  const S = sizeof<T>();
  let c00 = v128.splat<T>(<T>0);
  let c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
  const end = ap + <usize>steps * 4 * S;
  while (ap < end) {
    const row = sparse ? bp + (<usize>load<i32>(ip) << 5) : bp;
    const b0 = v128.load(row);
    const b1 = v128.load(row, 16);
    let x = v128.load_splat<T>(ap, 0 * S);
    c00 = fma<T>(c00, x, b0);
    c01 = fma<T>(c01, x, b1);
    x = v128.load_splat<T>(ap, 1 * S);
    c10 = fma<T>(c10, x, b0);
    c11 = fma<T>(c11, x, b1);
    x = v128.load_splat<T>(ap, 2 * S);
    c20 = fma<T>(c20, x, b0);
    c21 = fma<T>(c21, x, b1);
    x = v128.load_splat<T>(ap, 3 * S);
    c30 = fma<T>(c30, x, b0);
    c31 = fma<T>(c31, x, b1);
    ap += 4 * S;
    if (sparse) ip += 4;
    else bp += 32;
  }
  if (rows == 4 && cols == 2 * lanes<T>()) {
    storeVec<T>(c, c00, accumulate);
    storeVec<T>(c + 16, c01, accumulate);
    storeVec<T>(c + ldc, c10, accumulate);
    storeVec<T>(c + ldc + 16, c11, accumulate);
    storeVec<T>(c + 2 * ldc, c20, accumulate);
    storeVec<T>(c + 2 * ldc + 16, c21, accumulate);
    storeVec<T>(c + 3 * ldc, c30, accumulate);
    storeVec<T>(c + 3 * ldc + 16, c31, accumulate);
    return;
  }
  v128.store(TILE, c00);
  v128.store(TILE, c01, 16);
  v128.store(TILE, c10, 32);
  v128.store(TILE, c11, 48);
  v128.store(TILE, c20, 64);
  v128.store(TILE, c21, 80);
  v128.store(TILE, c30, 96);
  v128.store(TILE, c31, 112);
  storeFromTile<T>(c, ldc, rows, cols, 2 * lanes<T>(), accumulate);
}

/** The same for the last panel when at most one vector of columns remains (4×4 f32, 4×2 f64). */
// @ts-ignore: decorator
@inline export function kernelNarrow<T>(
  sparse: bool,
  ap: usize,
  ip: usize,
  steps: i32,
  bp: usize,
  c: usize,
  ldc: usize,
  rows: i32,
  cols: i32,
  accumulate: bool,
): void {
  const S = sizeof<T>();
  let c0 = v128.splat<T>(<T>0);
  let c1 = c0, c2 = c0, c3 = c0;
  const end = ap + <usize>steps * 4 * S;
  while (ap < end) {
    const b0 = v128.load(sparse ? bp + (<usize>load<i32>(ip) << 4) : bp);
    c0 = fma<T>(c0, v128.load_splat<T>(ap, 0 * S), b0);
    c1 = fma<T>(c1, v128.load_splat<T>(ap, 1 * S), b0);
    c2 = fma<T>(c2, v128.load_splat<T>(ap, 2 * S), b0);
    c3 = fma<T>(c3, v128.load_splat<T>(ap, 3 * S), b0);
    ap += 4 * S;
    if (sparse) ip += 4;
    else bp += 16;
  }
  v128.store(TILE, c0);
  v128.store(TILE, c1, 16);
  v128.store(TILE, c2, 32);
  v128.store(TILE, c3, 48);
  storeFromTile<T>(c, ldc, rows, cols, lanes<T>(), accumulate);
}
