// Elementwise kernels: unary functions, binary operations (elementwise, with a scalar, with a
// row vector), the ReLU and sigmoid backward passes and axpy. Each op code is a constant at
// its call site, so after inlining every (dtype, op) pair is its own branch-free loop. An op
// code that no case knows traps (`unreachable`): it must never run as some other op.
import { at, lanes, loadPartial, storePartial } from './lanes';
import {
  ABS, ADD, DIV, EXP, LOG, MAX, MIN, MUL, NEG, RELU, RELU_BACKWARD, SIGMOID, SIGMOID_BACKWARD,
  SQRT, SQUARE, STEP, SUB, TANH,
} from './op-codes';
import { vexp, vlog, vsigmoid, vtanh } from './vmath';

// @ts-ignore: decorator
@inline function unaryOp<T>(op: i32, x: v128): v128 {
  const zero = v128.splat<T>(<T>0);
  switch (op) {
    case RELU: return v128.and(x, v128.gt<T>(x, zero)); // NaN and −0 give +0, as x > 0 ? x : 0
    case SIGMOID: return vsigmoid<T>(x);
    case EXP: return vexp<T>(x);
    case LOG: return vlog<T>(x);
    case NEG: return v128.neg<T>(x);
    case ABS: return v128.abs<T>(x);
    case SQRT: return v128.sqrt<T>(x);
    case SQUARE: return v128.mul<T>(x, x);
    case TANH: return vtanh<T>(x);
    case STEP: return v128.and(v128.splat<T>(<T>1), v128.gt<T>(x, zero));
    default: unreachable();
  }
  return x;
}

// @ts-ignore: decorator
@inline function binaryOp<T>(op: i32, a: v128, b: v128): v128 {
  switch (op) {
    case ADD: return v128.add<T>(a, b);
    case SUB: return v128.sub<T>(a, b);
    case MUL: return v128.mul<T>(a, b);
    case DIV: return v128.div<T>(a, b);
    // a ≥ b or a is NaN → a, else b: the JS backend's rule, so NaN in either operand propagates.
    case MAX: return v128.bitselect(a, b, v128.or(v128.ge<T>(a, b), v128.ne<T>(a, a)));
    case MIN: return v128.bitselect(a, b, v128.or(v128.le<T>(a, b), v128.ne<T>(a, a)));
    case RELU_BACKWARD: return v128.and(a, v128.gt<T>(b, v128.splat<T>(<T>0)));
    case SIGMOID_BACKWARD: {
      // dout·(1 − y)·y, in the JS backend's order.
      const oneMinusY = v128.sub<T>(v128.splat<T>(<T>1), b);
      return v128.mul<T>(v128.mul<T>(a, oneMinusY), b);
    }
    default: unreachable();
  }
  return a;
}

// @ts-ignore: decorator
@inline function unaryLoop<T>(op: i32, x: usize, out: usize, n: i32): void {
  const L = lanes<T>();
  let i = 0;
  for (; i + L <= n; i += L) v128.store(at<T>(out, i), unaryOp<T>(op, v128.load(at<T>(x, i))));
  if (i < n) {
    const v = unaryOp<T>(op, loadPartial<T>(at<T>(x, i), n - i, <T>1));
    storePartial<T>(at<T>(out, i), v, n - i);
  }
}

// @ts-ignore: decorator
@inline function binaryLoop<T>(op: i32, a: usize, b: usize, out: usize, n: i32): void {
  const L = lanes<T>();
  let i = 0;
  for (; i + L <= n; i += L) {
    v128.store(at<T>(out, i), binaryOp<T>(op, v128.load(at<T>(a, i)), v128.load(at<T>(b, i))));
  }
  if (i < n) {
    const va = loadPartial<T>(at<T>(a, i), n - i, <T>1);
    const vb = loadPartial<T>(at<T>(b, i), n - i, <T>1);
    storePartial<T>(at<T>(out, i), binaryOp<T>(op, va, vb), n - i);
  }
}

// @ts-ignore: decorator
@inline function scalarLoop<T>(op: i32, a: usize, s: T, out: usize, n: i32): void {
  const L = lanes<T>();
  const vs = v128.splat<T>(s);
  let i = 0;
  for (; i + L <= n; i += L) v128.store(at<T>(out, i), binaryOp<T>(op, v128.load(at<T>(a, i)), vs));
  if (i < n) {
    const va = loadPartial<T>(at<T>(a, i), n - i, <T>1);
    storePartial<T>(at<T>(out, i), binaryOp<T>(op, va, vs), n - i);
  }
}

/** out[i] = f(x[i]) for unary op code `op`. */
export function unary<T>(op: i32, x: usize, out: usize, n: i32): void {
  switch (op) {
    case RELU: unaryLoop<T>(RELU, x, out, n); break;
    case SIGMOID: unaryLoop<T>(SIGMOID, x, out, n); break;
    case EXP: unaryLoop<T>(EXP, x, out, n); break;
    case LOG: unaryLoop<T>(LOG, x, out, n); break;
    case NEG: unaryLoop<T>(NEG, x, out, n); break;
    case ABS: unaryLoop<T>(ABS, x, out, n); break;
    case SQRT: unaryLoop<T>(SQRT, x, out, n); break;
    case SQUARE: unaryLoop<T>(SQUARE, x, out, n); break;
    case TANH: unaryLoop<T>(TANH, x, out, n); break;
    case STEP: unaryLoop<T>(STEP, x, out, n); break;
    default: unreachable();
  }
}

/** out[i] = a[i] ∘ b[i] for binary op code `op` (including the internal backward codes). */
export function binary<T>(op: i32, a: usize, b: usize, out: usize, n: i32): void {
  switch (op) {
    case ADD: binaryLoop<T>(ADD, a, b, out, n); break;
    case SUB: binaryLoop<T>(SUB, a, b, out, n); break;
    case MUL: binaryLoop<T>(MUL, a, b, out, n); break;
    case DIV: binaryLoop<T>(DIV, a, b, out, n); break;
    case MAX: binaryLoop<T>(MAX, a, b, out, n); break;
    case MIN: binaryLoop<T>(MIN, a, b, out, n); break;
    case RELU_BACKWARD: binaryLoop<T>(RELU_BACKWARD, a, b, out, n); break;
    case SIGMOID_BACKWARD: binaryLoop<T>(SIGMOID_BACKWARD, a, b, out, n); break;
    default: unreachable();
  }
}

/** out[i] = a[i] ∘ s. */
export function binaryScalar<T>(op: i32, a: usize, s: T, out: usize, n: i32): void {
  switch (op) {
    case ADD: scalarLoop<T>(ADD, a, s, out, n); break;
    case SUB: scalarLoop<T>(SUB, a, s, out, n); break;
    case MUL: scalarLoop<T>(MUL, a, s, out, n); break;
    case DIV: scalarLoop<T>(DIV, a, s, out, n); break;
    case MAX: scalarLoop<T>(MAX, a, s, out, n); break;
    case MIN: scalarLoop<T>(MIN, a, s, out, n); break;
    default: unreachable();
  }
}

/** out[r, c] = x[r, c] ∘ v[c]: each row is an elementwise op against v. */
export function binaryRowVector<T>(op: i32, rows: i32, cols: i32, x: usize, v: usize, out: usize): void {
  for (let r = 0; r < rows; r++) binary<T>(op, at<T>(x, r * cols), v, at<T>(out, r * cols), cols);
}

/** y[i] += alpha·x[i]. */
export function axpy<T>(alpha: T, x: usize, y: usize, n: i32): void {
  const L = lanes<T>();
  const va = v128.splat<T>(alpha);
  let i = 0;
  for (; i + L <= n; i += L) {
    const p = at<T>(y, i);
    v128.store(p, v128.add<T>(v128.load(p), v128.mul<T>(va, v128.load(at<T>(x, i)))));
  }
  for (; i < n; i++) {
    const p = at<T>(y, i);
    store<T>(p, load<T>(p) + alpha * load<T>(at<T>(x, i)));
  }
}

