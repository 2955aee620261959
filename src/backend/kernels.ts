/**
 * The kernel table: every kernel a backend implements, listed once. From it come the kernel
 * methods of the Backend interface (backend.ts), the WASM module's exports (assembly/index.ts
 * and the op codes in assembly/op-codes.ts, both written by scripts/build-wasm.ts), the typed
 * exports of the instantiated module and the WASM backend's checked wrappers (backend/wasm/).
 * Adding a kernel: one entry here, its AssemblyScript in assembly/, its reference in the JS backend.
 */

/** Elementwise functions of one argument, in op-code order. `step` is 1 where x > 0 else 0. */
export const UNARY_OPS = [
  'relu',
  'sigmoid',
  'exp',
  'log',
  'neg',
  'abs',
  'sqrt',
  'square',
  'tanh',
  'step',
] as const;

/** Elementwise functions of two arguments, in op-code order. */
export const BINARY_OPS = ['add', 'sub', 'mul', 'div', 'max', 'min'] as const;

/** Binary op codes that only kernels use (backward passes), numbered after BINARY_OPS. */
export const BACKWARD_OPS = ['reluBackward', 'sigmoidBackward'] as const;

/** Elementwise functions of one argument (the book's step_function is `step`). */
export type UnaryOp = (typeof UNARY_OPS)[number];

/** Elementwise functions of two arguments. */
export type BinaryOp = (typeof BINARY_OPS)[number];

/** Dimensions of a call by argument name, plus `length`, the length of its first storage. */
export type Dims = Readonly<Record<string, number>>;

/**
 * One argument of a kernel, as the Backend method takes it and as the WASM export receives it.
 * - `unaryOp` / `binaryOp`: the op's name; its code (index in UNARY_OPS / BINARY_OPS) in WASM.
 * - `int`: a dimension (i32); `bool`: 0/1 in WASM; `number`: a scalar of the storages' dtype
 *   (f64 at the WASM boundary, rounded to the dtype inside); `f64`: a float64 scalar.
 * - `storage`: numbers of the call's dtype holding at least `min(dims)` (the first one sets the
 *   dtype and `length`); a byte offset in WASM.
 * - `ints`: an Int32Array of `count(dims)` values each in 0..limit(dims)−1, copied into WASM
 *   memory and checked there (the kernel indexes memory with them).
 * - `intsOut`: an Int32Array receiving `count(dims)` values.
 * - `length`: WASM only, the first storage's length; `scratch`: WASM only, a block of `bytes` temporary bytes.
 * - `ptr`: a raw byte offset, in kernels the Backend does not wrap from this table.
 */
export type KernelArg =
  | {
      readonly kind: 'unaryOp' | 'binaryOp' | 'int' | 'bool' | 'number' | 'f64' | 'length' | 'ptr';
    }
  | { readonly kind: 'storage'; readonly min?: (d: Dims) => number }
  | {
      readonly kind: 'ints';
      readonly count: (d: Dims) => number;
      readonly limit: (d: Dims) => number;
    }
  | { readonly kind: 'intsOut'; readonly count: (d: Dims) => number }
  | { readonly kind: 'scratch'; readonly bytes: (d: Dims, exports: KernelExports) => number };

/** A kernel's entry: arguments by name in WASM order, result, and its AssemblyScript origin. */
export interface KernelSpec {
  readonly args: readonly (readonly [name: string, arg: KernelArg])[];
  readonly result: 'void' | 'f64' | 'usize' | 'bool';
  /** The assembly/ module defining the generic function `fn<T>` (default: the kernel's name). */
  readonly from: string;
  readonly fn?: string;
  /** A leading op code passed to fn (a BACKWARD_OPS name). */
  readonly fixedOp?: (typeof BACKWARD_OPS)[number];
  /** false: exported by the module but not a Backend method (a helper or an optional kernel). */
  readonly backend?: false;
}

/** Calls into one dtype's kernel exports by name (numbers in, number or undefined out). */
export type KernelExports = Readonly<Record<string, (...args: number[]) => number | void>>;

const int = { kind: 'int' } as const;
const ptr = { kind: 'ptr' } as const;
const bool = { kind: 'bool' } as const;
const num = { kind: 'number' } as const;
const length = { kind: 'length' } as const;
const first = { kind: 'storage' } as const;
const nums = { kind: 'storage', min: (d: Dims) => d.length } as const;
const matrix = { kind: 'storage', min: (d: Dims) => d.rows * d.cols } as const;
const unaryOp = { kind: 'unaryOp' } as const;
const binaryOp = { kind: 'binaryOp' } as const;
const labels = { kind: 'ints', count: (d: Dims) => d.rows, limit: (d: Dims) => d.cols } as const;

/** Arguments of the sparse-row products (see assembly/sparse-rows.ts). */
const SPARSE_ARGS = <B extends string>(dense: B) =>
  [
    ['rows', int],
    ['n', int],
    ['k', int],
    ['offsets', ptr],
    ['columns', ptr],
    ['ids', ptr],
    ['x', ptr],
    [dense, ptr],
    ['out', ptr],
    ['accumulate', bool],
  ] as const;

/** The kernels. Each entry's doc comment is the Backend method's. */
export const KERNELS = {
  /** Bytes of scratch that gemm needs for c (m×n) = op(a) (m×k)·op(b) (k×n). */
  gemmScratchBytes: {
    args: [
      ['m', int],
      ['n', int],
      ['k', int],
    ],
    result: 'usize',
    from: 'gemm',
    backend: false,
  },
  /**
   * c = op(a)·op(b) (+ c when accumulate), op(a) (m×k), op(b) (k×n), c (m×n), row-major.
   * transA: a is stored (k×m); transB: b is stored (n×k).
   */
  gemm: {
    args: [
      ['transA', bool],
      ['transB', bool],
      ['m', int],
      ['n', int],
      ['k', int],
      ['a', { kind: 'storage', min: (d: Dims) => d.m * d.k }],
      ['b', { kind: 'storage', min: (d: Dims) => d.k * d.n }],
      ['c', { kind: 'storage', min: (d: Dims) => d.m * d.n }],
      ['accumulate', bool],
      ['scratch', { kind: 'scratch', bytes: (d, k) => Number(k.gemmScratchBytes(d.m, d.n, d.k)) }],
    ],
    result: 'void',
    from: 'gemm',
  },
  /** out[i] = f(x[i]). out may be x. */
  unary: {
    args: [
      ['op', unaryOp],
      ['x', first],
      ['out', nums],
      ['n', length],
    ],
    result: 'void',
    from: 'elementwise',
  },
  /** out[i] = a[i] ∘ b[i]. out may alias a or b. */
  binary: {
    args: [
      ['op', binaryOp],
      ['a', first],
      ['b', nums],
      ['out', nums],
      ['n', length],
    ],
    result: 'void',
    from: 'elementwise',
  },
  /** out[i] = a[i] ∘ s. out may be a. */
  binaryScalar: {
    args: [
      ['op', binaryOp],
      ['a', first],
      ['s', num],
      ['out', nums],
      ['n', length],
    ],
    result: 'void',
    from: 'elementwise',
  },
  /** out[r, c] = x[r, c] ∘ v[c] for x (rows×cols), v (cols). out may be x. */
  binaryRowVector: {
    args: [
      ['op', binaryOp],
      ['rows', int],
      ['cols', int],
      ['x', matrix],
      ['v', { kind: 'storage', min: (d: Dims) => d.cols }],
      ['out', matrix],
    ],
    result: 'void',
    from: 'elementwise',
  },
  /** out = dout where x > 0, else 0 (ReLU backward; the subgradient at 0 is 0). */
  reluBackward: {
    args: [
      ['dout', first],
      ['x', nums],
      ['out', nums],
      ['n', length],
    ],
    result: 'void',
    from: 'elementwise',
    fn: 'binary',
    fixedOp: 'reluBackward',
  },
  /** out = dout·y·(1 − y), with y the sigmoid output. */
  sigmoidBackward: {
    args: [
      ['dout', first],
      ['y', nums],
      ['out', nums],
      ['n', length],
    ],
    result: 'void',
    from: 'elementwise',
    fn: 'binary',
    fixedOp: 'sigmoidBackward',
  },
  /** y += alpha·x (the SGD update with alpha = −lr, weight decay with alpha = λ). */
  axpy: {
    args: [
      ['alpha', num],
      ['x', first],
      ['y', nums],
      ['n', length],
    ],
    result: 'void',
    from: 'elementwise',
  },
  /** Σ x[i], accumulated in float64. */
  sum: {
    args: [
      ['x', first],
      ['n', length],
    ],
    result: 'f64',
    from: 'reduce',
  },
  /** out[c] = Σ_r x[r, c] (column sums; Affine's db). */
  sumAxis0: {
    args: [
      ['rows', int],
      ['cols', int],
      ['x', matrix],
      ['out', { kind: 'storage', min: (d: Dims) => d.cols }],
    ],
    result: 'void',
    from: 'reduce',
  },
  /** out[r] = index of the largest x[r, ·] (first on ties). */
  argmaxRows: {
    args: [
      ['rows', int],
      ['cols', int],
      ['x', matrix],
      ['out', { kind: 'intsOut', count: (d: Dims) => d.rows }],
    ],
    result: 'void',
    from: 'reduce',
  },
  /** Row-wise softmax of x (rows×cols), subtracting each row's max first. */
  softmaxRows: {
    args: [
      ['rows', int],
      ['cols', int],
      ['x', matrix],
      ['out', matrix],
    ],
    result: 'void',
    from: 'softmax',
  },
  /**
   * Fused softmax + cross-entropy error (SoftmaxWithLoss forward): y = softmax(x) row-wise,
   * returns Σₙ −log(y[n, tₙ] + 1e-7) (a sum; the op divides by N).
   */
  softmaxCrossEntropy: {
    args: [
      ['rows', int],
      ['cols', int],
      ['x', matrix],
      ['labels', labels],
      ['y', matrix],
    ],
    result: 'f64',
    from: 'softmax',
  },
  /** dx = scale·(y − onehot(t)) (SoftmaxWithLoss backward with scale = dout / N). */
  softmaxCrossEntropyBackward: {
    args: [
      ['rows', int],
      ['cols', int],
      ['y', matrix],
      ['labels', labels],
      ['scale', num],
      ['dx', matrix],
    ],
    result: 'void',
    from: 'softmax',
  },
  /** Batch gathering from bytes: the optional Backend.gatherBytesRows (wrapped by hand). */
  gatherBytesRows: {
    args: [
      ['src', ptr],
      ['cols', int],
      ['indices', ptr],
      ['count', int],
      ['divisor', num],
      ['out', ptr],
    ],
    result: 'void',
    from: 'gather',
    backend: false,
  },
  /** The sparse products: the optional Backend.sparseRowsGemm (wrapped by hand). */
  sparseRowsGemm: { args: SPARSE_ARGS('b'), result: 'bool', from: 'sparse-rows', backend: false },
  sparseRowsGemmT: { args: SPARSE_ARGS('d'), result: 'bool', from: 'sparse-rows', backend: false },
} as const satisfies Readonly<Record<string, KernelSpec>>;

/** The names of all kernels the WASM module exports (per dtype, suffixed F32 and F64). */
export type KernelName = keyof typeof KERNELS;

const codes = (list: readonly string[]): ReadonlyMap<string, number> =>
  new Map(list.map((op, code) => [op, code]));
const UNARY_CODES = codes(UNARY_OPS);
const BINARY_CODES = codes([...BINARY_OPS, ...BACKWARD_OPS]);

/**
 * The numeric code of a unary op, or of a binary or backward op, in the kernels; an unknown op
 * throws (a kernel would trap on it).
 * @example
 * opCode('unary', 'step'); // → 9
 */
export function opCode(set: 'unary' | 'binary', op: string): number {
  const code = (set === 'unary' ? UNARY_CODES : BINARY_CODES).get(op);
  if (code === undefined) {
    const known = [...(set === 'unary' ? UNARY_CODES : BINARY_CODES).keys()].join(', ');
    throw new RangeError(`unknown ${set} op '${op}', expected one of ${known}`);
  }
  return code;
}
