import assert from 'node:assert/strict';
import type { Backend, DType, Storage } from '../../src/backend/backend.js';
import type { Rng } from '../../src/tensor/rng.js';

/** Relative tolerance per dtype: float32 results against a float64 reference, float64 against float64. */
export const RTOL: Readonly<Record<DType, number>> = { float32: 1e-5, float64: 1e-12 };
/**
 * The tighter tolerance for elementwise functions, which round once or twice per element:
 * measured worst cases of the WASM kernels are 2 ulp in float32 (≈2.4e-7) and 3 ulp in float64.
 */
export const ELEMENTWISE_RTOL: Readonly<Record<DType, number>> = { float32: 1e-6, float64: 1e-14 };

/** How assertClose measures: per-element magnitudes (default |want|) and a relative tolerance. */
export interface CloseOptions {
  readonly scale?: ArrayLike<number>;
  readonly rtol?: number;
}
/** Absolute floor per dtype: below float32's smallest normal, a kernel may flush to zero. */
export const ATOL: Readonly<Record<DType, number>> = { float32: 1e-37, float64: 1e-300 };

/** The same numbers in the backend under test (dtype) and in the float64 reference. */
export interface Pair {
  readonly cand: Storage;
  readonly ref: Storage;
}

/**
 * Allocates `values` in the candidate (rounded to its dtype) and the exact same numbers in the
 * float64 reference, so both backends start from identical inputs.
 */
export function pair(cand: Backend, ref: Backend, dtype: DType, values: ArrayLike<number>): Pair {
  // Copy first: `values` may be a view of WASM memory, which the allocation below can detach.
  const copy = Float64Array.from(values);
  const c = cand.alloc(dtype, copy.length);
  c.data.set(copy);
  const r = ref.alloc('float64', copy.length);
  r.data.set(c.data);
  return { cand: c, ref: r };
}

/** A candidate output between two guard blocks, to catch kernels writing past either end. */
export interface Guarded extends Pair {
  /** Asserts that the guard blocks still hold their sentinel. */
  assertGuards(label: string): void;
}

const GUARD = 16;
const SENTINEL = 12345.5;

/**
 * Like pair(), with candidate guard storages allocated just before and after: a bump or
 * first-fit allocator puts them next to the output, so an overrun lands in a guard.
 */
export function guardedPair(
  cand: Backend,
  ref: Backend,
  dtype: DType,
  values: ArrayLike<number>,
): Guarded {
  const before = cand.alloc(dtype, GUARD);
  const p = pair(cand, ref, dtype, values);
  const after = cand.alloc(dtype, GUARD);
  cand.fill(before, SENTINEL);
  cand.fill(after, SENTINEL);
  return {
    ...p,
    assertGuards(label) {
      assert.ok(
        before.data.every((v) => v === SENTINEL) && after.data.every((v) => v === SENTINEL),
        `${label}: a kernel wrote outside its output`,
      );
    },
  };
}

/** A float64 storage of the reference backend holding `values`. */
export function refOf(ref: Backend, values: ArrayLike<number>): Storage {
  const r = ref.alloc('float64', values.length);
  r.data.set(values);
  return r;
}

/** n standard normal numbers times `scale`. */
export function normals(rng: Rng, n: number, scale = 1): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.normal() * scale;
  return out;
}

/**
 * Asserts got ≈ want elementwise: |got − want| ≤ atol + rtol·scale, with scale = |want| or the
 * given per-element magnitudes (e.g. Σ|a||b| for a matrix product, where cancellation makes
 * |want| a poor yardstick). NaN must meet NaN and infinities must be equal. Reports the worst index.
 */
export function assertClose(
  got: ArrayLike<number>,
  want: ArrayLike<number>,
  dtype: DType,
  label: string,
  { scale, rtol = RTOL[dtype] }: CloseOptions = {},
): void {
  assert.equal(got.length, want.length, `${label}: length`);
  let worst = -1;
  let worstExcess = 0;
  for (let i = 0; i < want.length; i++) {
    const g = got[i];
    // A float32 result is compared with the reference rounded to float32: overflow to ∞ included.
    const w = dtype === 'float32' ? Math.fround(want[i]) : want[i];
    if (Number.isNaN(w) || !Number.isFinite(w)) {
      if (!Object.is(g, w) && !(Number.isNaN(g) && Number.isNaN(w))) {
        assert.fail(`${label}: at ${i} expected ${w}, got ${g}`);
      }
      continue;
    }
    const bound = ATOL[dtype] + rtol * (scale ? scale[i] : Math.abs(w));
    const excess = Math.abs(g - w) / bound;
    if (!(excess <= 1) && !(excess <= worstExcess)) {
      worst = i;
      worstExcess = Number.isNaN(excess) ? Infinity : excess;
    }
  }
  if (worst >= 0) {
    const w = dtype === 'float32' ? Math.fround(want[worst]) : want[worst];
    const g = got[worst];
    assert.fail(
      `${label}: worst at ${worst}: expected ${w}, got ${g} (${worstExcess.toExponential(2)}× the tolerance)`,
    );
  }
}

/** Asserts a scalar result: |got − want| ≤ atol + rtol·scale. */
export function assertCloseScalar(
  got: number,
  want: number,
  dtype: DType,
  label: string,
  scale = Math.abs(want),
): void {
  assertClose([got], [want], dtype, label, { scale: [scale] });
}
