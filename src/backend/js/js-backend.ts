import type { Backend, BinaryOp, DType, FloatArray, Storage, UnaryOp } from '../backend.js';
import { AllocationError, formatByteSize } from '../allocation-error.js';
import { opCode } from '../kernels.js';
import { jsGemm } from './js-gemm.js';
import { jsSparseKernels } from './js-sparse.js';

/** Storage of the JS backend: an ordinary typed array owned by the garbage collector. */
class JsStorage implements Storage {
  readonly data: FloatArray;
  constructor(
    readonly dtype: DType,
    readonly length: number,
  ) {
    try {
      this.data = dtype === 'float64' ? new Float64Array(length) : new Float32Array(length);
    } catch (cause) {
      // V8 refuses lengths past its typed-array limit, or memory it cannot get, with a RangeError.
      if (!(cause instanceof RangeError)) throw cause;
      const bytes = length * (dtype === 'float64' ? 8 : 4);
      throw new AllocationError(
        `js backend: cannot allocate ${length} ${dtype} values (${formatByteSize(bytes)}): ${cause.message}; expected a smaller tensor (a smaller network or batch)`,
        { cause },
      );
    }
  }
}

const unaryFns: Record<UnaryOp, (x: number) => number> = {
  relu: (x) => (x > 0 ? x : 0),
  // Split by sign so exp never overflows: σ(x) = 1/(1+e^−x) for x ≥ 0, e^x/(1+e^x) otherwise.
  sigmoid: (x) => {
    if (x >= 0) return 1 / (1 + Math.exp(-x));
    const e = Math.exp(x);
    return e / (1 + e);
  },
  exp: Math.exp,
  log: Math.log,
  neg: (x) => -x,
  abs: Math.abs,
  sqrt: Math.sqrt,
  square: (x) => x * x,
  tanh: Math.tanh,
  step: (x) => (x > 0 ? 1 : 0),
};

const binaryFns: Record<BinaryOp, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  max: (a, b) => (a >= b || Number.isNaN(a) ? a : b),
  min: (a, b) => (a <= b || Number.isNaN(a) ? a : b),
};

/** The function of an op by name; an unknown name throws (as the WASM kernels refuse its code). */
function opFn<F>(fns: Readonly<Record<string, F>>, set: 'unary' | 'binary', op: string): F {
  if (Object.hasOwn(fns, op)) return fns[op];
  opCode(set, op); // throws for a name no kernel knows
  throw new RangeError(`js backend: ${set} op '${op}' is internal to the kernels`);
}

/** Writes the row-wise softmax of x (rows×cols) into y; shared by softmaxRows and the fused loss. */
function softmaxInto(rows: number, cols: number, x: FloatArray, y: FloatArray): void {
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    let max = -Infinity;
    for (let c = 0; c < cols; c++) if (x[o + c] > max) max = x[o + c];
    let s = 0;
    for (let c = 0; c < cols; c++) {
      const e = Math.exp(x[o + c] - max); // subtract the max: exp never overflows
      y[o + c] = e;
      s += e;
    }
    const inv = 1 / s;
    for (let c = 0; c < cols; c++) y[o + c] *= inv;
  }
}

/**
 * The reference backend in plain TypeScript: simple loops, float64 accumulation, no SIMD.
 * It is the oracle every other backend is tested against (test/backend/conformance.ts), and it is
 * itself tested against the formulas written out (test/backend/js/). The default backend.
 * @example
 * setBackend(createJsBackend());  // before creating tensors
 */
export function createJsBackend(): Backend {
  return {
    name: 'js',
    alloc: (dtype, length) => new JsStorage(dtype, length),
    release: () => {},
    gemm: (transA, transB, m, n, k, a, b, c, accumulate) =>
      jsGemm(transA, transB, m, n, k, a.data, b.data, c.data, accumulate),
    unary(op, x, out) {
      const f = opFn(unaryFns, 'unary', op);
      const xd = x.data;
      const od = out.data;
      for (let i = 0; i < x.length; i++) od[i] = f(xd[i]);
    },
    binary(op, a, b, out) {
      const f = opFn(binaryFns, 'binary', op);
      const ad = a.data;
      const bd = b.data;
      const od = out.data;
      for (let i = 0; i < a.length; i++) od[i] = f(ad[i], bd[i]);
    },
    binaryScalar(op, a, s, out) {
      const f = opFn(binaryFns, 'binary', op);
      const ad = a.data;
      const od = out.data;
      for (let i = 0; i < a.length; i++) od[i] = f(ad[i], s);
    },
    binaryRowVector(op, rows, cols, x, v, out) {
      const f = opFn(binaryFns, 'binary', op);
      const xd = x.data;
      const vd = v.data;
      const od = out.data;
      for (let r = 0; r < rows; r++) {
        const o = r * cols;
        for (let c = 0; c < cols; c++) od[o + c] = f(xd[o + c], vd[c]);
      }
    },
    sumAxis0(rows, cols, x, out) {
      const xd = x.data;
      const od = out.data;
      for (let c = 0; c < cols; c++) {
        let s = 0;
        for (let r = 0; r < rows; r++) s += xd[r * cols + c];
        od[c] = s;
      }
    },
    sum(x) {
      const xd = x.data;
      let s = 0;
      for (let i = 0; i < x.length; i++) s += xd[i];
      return s;
    },
    reluBackward(dout, x, out) {
      const dd = dout.data;
      const xd = x.data;
      const od = out.data;
      for (let i = 0; i < x.length; i++) od[i] = xd[i] > 0 ? dd[i] : 0;
    },
    sigmoidBackward(dout, y, out) {
      const dd = dout.data;
      const yd = y.data;
      const od = out.data;
      for (let i = 0; i < y.length; i++) od[i] = dd[i] * (1 - yd[i]) * yd[i];
    },
    softmaxRows: (rows, cols, x, out) => softmaxInto(rows, cols, x.data, out.data),
    softmaxCrossEntropy(rows, cols, x, labels, y) {
      const yd = y.data;
      softmaxInto(rows, cols, x.data, yd);
      let loss = 0;
      // The book's delta 1e-7 keeps log away from −∞ when a probability underflows to 0.
      for (let r = 0; r < rows; r++) loss -= Math.log(yd[r * cols + labels[r]] + 1e-7);
      return loss;
    },
    softmaxCrossEntropyBackward(rows, cols, y, labels, scale, dx) {
      const yd = y.data;
      const dd = dx.data;
      for (let i = 0; i < rows * cols; i++) dd[i] = yd[i] * scale;
      for (let r = 0; r < rows; r++) dd[r * cols + labels[r]] -= scale;
    },
    axpy(alpha, x, y) {
      const xd = x.data;
      const yd = y.data;
      for (let i = 0; i < x.length; i++) yd[i] += alpha * xd[i];
    },
    argmaxRows(rows, cols, x, out) {
      const xd = x.data;
      for (let r = 0; r < rows; r++) {
        const o = r * cols;
        let best = 0;
        for (let c = 1; c < cols; c++) if (xd[o + c] > xd[o + best]) best = c;
        out[r] = best;
      }
    },
    fill: (x, value) => void x.data.fill(value),
    copy: (src, dst) => void dst.data.set(src.data),
    ...jsSparseKernels(),
  };
}
