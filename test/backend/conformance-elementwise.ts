import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Backend, BinaryOp, DType, UnaryOp } from '../../src/backend/backend.js';
import { BINARY_OPS, UNARY_OPS } from '../../src/backend/kernels.js';
import { createRng } from '../../src/tensor/rng.js';
import {
  assertClose,
  ELEMENTWISE_RTOL,
  guardedPair,
  normals,
  pair,
} from './conformance-helpers.js';

/** Lengths around the SIMD widths (4 f32, 2 f64 lanes) and the sizes of 784-50-10. */
export const SIZES: readonly number[] = [1, 2, 3, 4, 5, 7, 8, 17, 33, 100, 784];

// Every op of the kernel table: a new op is tested as soon as it is listed there.
const UNARY: readonly UnaryOp[] = UNARY_OPS;
const BINARY: readonly BinaryOp[] = BINARY_OPS;
/** Zeros of both signs, infinities, NaN, exp's overflow and underflow edges, subnormals. */
const SPECIAL = [
  0,
  -0,
  1,
  -1,
  0.5,
  2,
  Infinity,
  -Infinity,
  NaN,
  1e-30,
  -1e-30,
  1e-40,
  50,
  -50,
  88,
  -88,
  88.7,
  89,
  -87.5,
  -100,
  -104,
  700,
  -700,
  709.7,
  710,
  -745,
  -746,
  3e38,
  -3e38,
];

/** unary, binary, binaryScalar, binaryRowVector, the activation backwards, axpy, fill, copy. */
export function elementwiseConformance(getCand: () => Backend, ref: Backend, dtype: DType): void {
  const rng = createRng(11);
  const tight = { rtol: ELEMENTWISE_RTOL[dtype] };
  /** Random data: normals with a few exact zeros and larger values mixed in. */
  const data = (n: number): Float64Array =>
    normals(rng, n, 3).map((v, i) => (i % 11 === 3 ? 0 : v));

  it('unary ops match the reference on random data of every size, in place too', () => {
    const cand = getCand();
    for (const op of UNARY) {
      for (const n of SIZES) {
        const values = data(n);
        const x = pair(
          cand,
          ref,
          dtype,
          op === 'log' || op === 'sqrt' ? values.map(Math.abs) : values,
        );
        const out = guardedPair(cand, ref, dtype, new Float64Array(n));
        cand.unary(op, x.cand, out.cand);
        ref.unary(op, x.ref, out.ref);
        assertClose(out.cand.data, out.ref.data, dtype, `${op} ${dtype} n=${n}`, tight);
        out.assertGuards(`${op} ${dtype} n=${n}`);
        cand.unary(op, x.cand, x.cand);
        assertClose(x.cand.data, out.ref.data, dtype, `${op} ${dtype} n=${n} in place`, tight);
      }
    }
  });

  it('unary ops handle zeros, infinities, NaN, overflow and underflow like the reference', () => {
    const cand = getCand();
    for (const op of UNARY) {
      const x = pair(cand, ref, dtype, SPECIAL);
      const out = pair(cand, ref, dtype, new Float64Array(SPECIAL.length));
      cand.unary(op, x.cand, out.cand);
      ref.unary(op, x.ref, out.ref);
      assertClose(out.cand.data, out.ref.data, dtype, `${op} ${dtype} special values`, tight);
    }
  });

  it('binary ops match the reference, with out aliasing a or b', () => {
    const cand = getCand();
    for (const op of BINARY) {
      for (const n of [...SIZES, SPECIAL.length]) {
        const special = n === SPECIAL.length;
        const a = pair(cand, ref, dtype, special ? SPECIAL : data(n));
        const b = pair(cand, ref, dtype, special ? [...SPECIAL].reverse() : data(n));
        const out = guardedPair(cand, ref, dtype, new Float64Array(n));
        const label = `${op} ${dtype} n=${n}`;
        ref.binary(op, a.ref, b.ref, out.ref);
        cand.binary(op, a.cand, b.cand, out.cand);
        assertClose(out.cand.data, out.ref.data, dtype, label, tight);
        out.assertGuards(label);
        const a2 = pair(cand, ref, dtype, a.cand.data);
        cand.binary(op, a2.cand, b.cand, a2.cand);
        assertClose(a2.cand.data, out.ref.data, dtype, `${label} out=a`, tight);
        const b2 = pair(cand, ref, dtype, b.cand.data);
        cand.binary(op, a.cand, b2.cand, b2.cand);
        assertClose(b2.cand.data, out.ref.data, dtype, `${label} out=b`, tight);
      }
    }
  });

  it('binaryScalar and binaryRowVector match the reference, in place too', () => {
    const cand = getCand();
    for (const op of BINARY) {
      for (const n of SIZES) {
        const a = pair(cand, ref, dtype, data(n));
        const s = op === 'div' ? 1.7 : -0.3;
        const out = pair(cand, ref, dtype, new Float64Array(n));
        ref.binaryScalar(op, a.ref, s, out.ref);
        // A float32 kernel rounds s to float32 first; a ± s may then cancel: measure by |a| + |s|.
        const scale = out.ref.data.map(
          (w, i) => Math.abs(w) + Math.abs(a.ref.data[i]) + Math.abs(s),
        );
        cand.binaryScalar(op, a.cand, s, a.cand);
        assertClose(a.cand.data, out.ref.data, dtype, `${op} scalar ${dtype} n=${n}`, {
          ...tight,
          scale,
        });
      }
      for (const [rows, cols] of [
        [1, 1],
        [3, 5],
        [7, 3],
        [5, 17],
        [100, 10],
        [33, 50],
      ]) {
        const x = pair(cand, ref, dtype, data(rows * cols));
        const v = pair(
          cand,
          ref,
          dtype,
          data(cols).map((e) => (op === 'div' ? e + 10 : e)),
        );
        const out = pair(cand, ref, dtype, new Float64Array(rows * cols));
        ref.binaryRowVector(op, rows, cols, x.ref, v.ref, out.ref);
        cand.binaryRowVector(op, rows, cols, x.cand, v.cand, out.cand);
        assertClose(
          out.cand.data,
          out.ref.data,
          dtype,
          `${op} row vector ${dtype} ${rows}×${cols}`,
          tight,
        );
        cand.binaryRowVector(op, rows, cols, x.cand, v.cand, x.cand);
        assertClose(
          x.cand.data,
          out.ref.data,
          dtype,
          `${op} row vector ${dtype} ${rows}×${cols} in place`,
          tight,
        );
      }
    }
  });

  it('reluBackward, sigmoidBackward and axpy match the reference, out aliasing dout', () => {
    const cand = getCand();
    for (const n of SIZES) {
      const dout = pair(cand, ref, dtype, data(n));
      const x = pair(cand, ref, dtype, data(n)); // with exact zeros: the subgradient at 0 is 0
      const y = pair(
        cand,
        ref,
        dtype,
        data(n).map((v) => 1 / (1 + Math.exp(-v))),
      );
      const want = pair(cand, ref, dtype, new Float64Array(n));
      for (const kernel of ['reluBackward', 'sigmoidBackward'] as const) {
        const saved = kernel === 'reluBackward' ? x : y;
        const d = pair(cand, ref, dtype, dout.cand.data);
        ref[kernel](dout.ref, saved.ref, want.ref);
        cand[kernel](d.cand, saved.cand, d.cand);
        assertClose(d.cand.data, want.ref.data, dtype, `${kernel} ${dtype} n=${n}`, tight);
      }
      const alpha = -0.137;
      const scale = dout.ref.data.map((v, i) => Math.abs(v) + Math.abs(alpha * x.ref.data[i]));
      ref.axpy(alpha, x.ref, dout.ref);
      cand.axpy(alpha, x.cand, dout.cand);
      assertClose(dout.cand.data, dout.ref.data, dtype, `axpy ${dtype} n=${n}`, {
        ...tight,
        scale,
      });
    }
  });

  it('alloc gives zero-filled storage; fill and copy write every element', () => {
    const cand = getCand();
    for (const n of [0, ...SIZES]) {
      const x = cand.alloc(dtype, n);
      assert.equal(x.dtype, dtype);
      assert.equal(x.length, n);
      assert.equal(x.data.length, n);
      assert.ok(
        x.data.every((v) => v === 0),
        `alloc ${dtype} n=${n} is zero-filled`,
      );
      cand.fill(x, 2.5);
      assert.ok(
        x.data.every((v) => v === 2.5),
        `fill ${dtype} n=${n}`,
      );
      const y = pair(cand, ref, dtype, data(n));
      cand.copy(y.cand, x);
      assert.deepEqual([...x.data], [...y.cand.data], `copy ${dtype} n=${n}`);
      cand.release(x);
    }
  });
}
