// Products with a matrix x (rows×k, dense storage) whose nonzeros are listed per row: row r of
// x is row ids[r] of a row index (offsets: i32 per row + 1, columns: u16 ascending), as MNIST
// images are ~81% zeros and their nonzero pixels never change.
//   sparseRowsGemm:  out (rows×n) (+)= x·b, out[r, :] = Σ_{c ∈ nz(r)} x[r, c]·b[c, :]
//   sparseRowsGemmT: out (k×n) (+)= xᵀ·d, out[c, :] += x[r, c]·d[r, :] for c ∈ nz(r)
// Terms are added in ascending c (resp. r), the order of the dense gemm, which adds the same
// products and exact zeros: results are the dense kernel's, bit for bit, when b (resp. d) is
// finite. Otherwise (0·∞ = NaN must reach out) the kernels return false and the caller runs gemm.
//
// Why a row-wise kernel gains less than the 81% of zeros suggests (measured on a batch of 100
// MNIST images, 784-50-10): the dense gemm already drops the steps where all 4 rows of a tile
// are zero, keeping 39% of the steps of x·W1 and 28% of xᵀ·dA, so a row-wise kernel competes
// with ~0.4× of the dense work, not with all of it; and a nonzero costs about what a dense step
// costs per multiply-add (a broadcast, loads of b, multiply, add), so what remains is the 19% vs
// 39% (28%) of the steps, minus the row-wise overheads: tail columns (n mod 16) and, for the
// scatter, a load and a store of out per vector per nonzero instead of a register. Hence: a
// panel of 4 vectors of out stays in registers across all nonzeros of a row, and the scatter
// keeps the panel of d in registers. On MNIST batches both end about even with gemm (whose
// zero-step skipping suits zeros in whole regions); on zeros at random places they win (see
// the density limit in src/backend/wasm/wasm-sparse-kernels.ts).
import { allFinite, at, fma, lanes, storeVec, TILE } from './lanes';

/** out (rows×n) (+)= x·b over the nonzeros of x's rows; false (out untouched) when b is not finite. */
export function sparseRowsGemm<T>(
  rows: i32,
  n: i32,
  k: i32,
  offsets: usize,
  columns: usize,
  ids: usize,
  x: usize,
  b: usize,
  out: usize,
  accumulate: bool,
): bool {
  if (!allFinite<T>(b, k * n)) return false;
  const L = lanes<T>();
  const size = <usize>sizeof<T>();
  const ldb = <usize>n * size;
  for (let r = 0; r < rows; r++) {
    const id = <usize>load<i32>(ids + ((<usize>r) << 2));
    const j0 = columns + ((<usize>load<i32>(offsets + (id << 2))) << 1);
    const j1 = columns + ((<usize>load<i32>(offsets + (id << 2), 4)) << 1);
    const xr = at<T>(x, r * k);
    const outr = at<T>(out, r * n);
    let c0 = 0;
    for (; c0 + 4 * L <= n; c0 += 4 * L) {
      let a0 = v128.splat<T>(<T>0),
        a1 = a0,
        a2 = a0,
        a3 = a0;
      const bc = at<T>(b, c0);
      for (let j = j0; j < j1; j += 2) {
        const c = <usize>load<u16>(j);
        const v = v128.splat<T>(load<T>(xr + c * size));
        const bp = bc + c * ldb;
        a0 = fma<T>(a0, v, v128.load(bp));
        a1 = fma<T>(a1, v, v128.load(bp, 16));
        a2 = fma<T>(a2, v, v128.load(bp, 32));
        a3 = fma<T>(a3, v, v128.load(bp, 48));
      }
      const o = at<T>(outr, c0);
      storeVec<T>(o, a0, accumulate);
      storeVec<T>(o + 16, a1, accumulate);
      storeVec<T>(o + 32, a2, accumulate);
      storeVec<T>(o + 48, a3, accumulate);
    }
    for (; c0 + L <= n; c0 += L) {
      let a0 = v128.splat<T>(<T>0);
      const bc = at<T>(b, c0);
      for (let j = j0; j < j1; j += 2) {
        const c = <usize>load<u16>(j);
        a0 = fma<T>(a0, v128.splat<T>(load<T>(xr + c * size)), v128.load(bc + c * ldb));
      }
      storeVec<T>(at<T>(outr, c0), a0, accumulate);
    }
    // The last n mod lanes columns, summed in one pass over the nonzeros (TILE holds the sums).
    if (c0 < n) {
      v128.store(TILE, v128.splat<T>(<T>0));
      const bc = at<T>(b, c0);
      for (let j = j0; j < j1; j += 2) {
        const c = <usize>load<u16>(j);
        const v = load<T>(xr + c * size);
        const bp = bc + c * ldb;
        for (let t = 0; t < n - c0; t++) {
          const p = at<T>(TILE, t);
          store<T>(p, load<T>(p) + v * load<T>(at<T>(bp, t)));
        }
      }
      for (let t = 0; t < n - c0; t++) {
        const o = at<T>(outr, c0 + t);
        const s = load<T>(at<T>(TILE, t));
        store<T>(o, accumulate ? load<T>(o) + s : s);
      }
    }
  }
  return true;
}

/** out (k×n) (+)= xᵀ·d over the nonzeros of x's rows; false (out untouched) when d is not finite. */
export function sparseRowsGemmT<T>(
  rows: i32,
  n: i32,
  k: i32,
  offsets: usize,
  columns: usize,
  ids: usize,
  x: usize,
  d: usize,
  out: usize,
  accumulate: bool,
): bool {
  if (!allFinite<T>(d, rows * n)) return false;
  const L = lanes<T>();
  const size = <usize>sizeof<T>();
  const ldo = <usize>n * size;
  if (!accumulate) memory.fill(out, 0, <usize>k * ldo);
  for (let r = 0; r < rows; r++) {
    const id = <usize>load<i32>(ids + ((<usize>r) << 2));
    const j0 = columns + ((<usize>load<i32>(offsets + (id << 2))) << 1);
    const j1 = columns + ((<usize>load<i32>(offsets + (id << 2), 4)) << 1);
    const xr = at<T>(x, r * k);
    const dr = at<T>(d, r * n);
    let c0 = 0;
    for (; c0 + 4 * L <= n; c0 += 4 * L) {
      const p = at<T>(dr, c0);
      const d0 = v128.load(p),
        d1 = v128.load(p, 16),
        d2 = v128.load(p, 32),
        d3 = v128.load(p, 48);
      const oc = at<T>(out, c0);
      for (let j = j0; j < j1; j += 2) {
        const c = <usize>load<u16>(j);
        const v = v128.splat<T>(load<T>(xr + c * size));
        const o = oc + c * ldo;
        v128.store(o, fma<T>(v128.load(o), v, d0));
        v128.store(o, fma<T>(v128.load(o, 16), v, d1), 16);
        v128.store(o, fma<T>(v128.load(o, 32), v, d2), 32);
        v128.store(o, fma<T>(v128.load(o, 48), v, d3), 48);
      }
    }
    for (; c0 + L <= n; c0 += L) {
      const d0 = v128.load(at<T>(dr, c0));
      const oc = at<T>(out, c0);
      for (let j = j0; j < j1; j += 2) {
        const c = <usize>load<u16>(j);
        const o = oc + c * ldo;
        v128.store(o, fma<T>(v128.load(o), v128.splat<T>(load<T>(xr + c * size)), d0));
      }
    }
    if (c0 < n) {
      const oc = at<T>(out, c0);
      for (let j = j0; j < j1; j += 2) {
        const c = <usize>load<u16>(j);
        const v = load<T>(xr + c * size);
        const o = oc + c * ldo;
        for (let t = 0; t < n - c0; t++) {
          const p = at<T>(o, t);
          store<T>(p, load<T>(p) + v * load<T>(at<T>(dr, c0 + t)));
        }
      }
    }
  }
  return true;
}
