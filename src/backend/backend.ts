import type { BinaryOp, KERNELS, UnaryOp } from './kernels.js';

/**
 * The kernel interface: the only thing a compute backend implements, and the only thing that
 * tensor ops call. Layers, models and the trainer never see it: only an entry point (CLI, web worker) chooses
 * the backend, so the same layers run on every backend.
 *
 * Kernels work on `Storage` (memory the backend owns) plus dimensions; they never check shapes
 * (the ops do) and never allocate. All storages passed to one call have the same dtype.
 * A WASM backend keeps storage in its linear memory; `Storage.data` is then a view that the
 * backend re-creates when the memory grows.
 */
export type DType = 'float32' | 'float64';

/** The typed array behind a storage of each dtype. */
export type FloatArray = Float32Array | Float64Array;

/** A block of backend-owned memory holding `length` numbers of one dtype. */
export interface Storage {
  readonly dtype: DType;
  readonly length: number;
  /** A typed-array view of the data. Read it again after any allocation: the view may be re-created. */
  readonly data: FloatArray;
}

/**
 * A block of backend-owned bytes: a dataset's pixels, kept as uint8 (MNIST is 47 MB as bytes,
 * 188 MB as float32) and turned into floats one batch at a time by `gatherBytesRows`.
 */
export interface ByteStorage {
  readonly length: number;
  /** A view of the bytes. Read it again after any allocation: the view may be re-created. */
  readonly data: Uint8Array;
}

export type { BinaryOp, UnaryOp } from './kernels.js';

type KernelTable = typeof KERNELS;

/** The Backend method's type of one table argument (WASM-only arguments have none). */
type ArgType<A> = A extends { kind: 'unaryOp' }
  ? UnaryOp
  : A extends { kind: 'binaryOp' }
    ? BinaryOp
    : A extends { kind: 'bool' }
      ? boolean
      : A extends { kind: 'storage' }
        ? Storage
        : A extends { kind: 'ints' | 'intsOut' }
          ? Int32Array
          : number;

/** A table entry's arguments as the Backend method takes them, in order. */
type MethodArgs<T> = T extends readonly [readonly [string, infer A], ...infer R]
  ? A extends { kind: 'length' | 'scratch' | 'ptr' }
    ? MethodArgs<R>
    : [ArgType<A>, ...MethodArgs<R>]
  : [];

/** The kernel methods, one per entry of the kernel table (kernels.ts documents each). */
export type KernelMethods = {
  [K in keyof KernelTable as KernelTable[K] extends { backend: false } ? never : K]: (
    ...args: MethodArgs<KernelTable[K]['args']>
  ) => KernelTable[K]['result'] extends 'void' ? void : number;
};

/**
 * A compute backend: storage allocation plus the kernels of the kernel table (kernels.ts), each
 * a method with the table's arguments in order (dimensions, storages, op names, label arrays).
 */
export interface Backend extends KernelMethods {
  readonly name: string;
  /** Zero-filled storage for `length` numbers. */
  alloc(dtype: DType, length: number): Storage;
  /** Gives storage back (a no-op where the garbage collector owns memory). Never used afterwards. */
  release(storage: Storage): void;

  /** x[i] = value. */
  fill(x: Storage, value: number): void;
  /** dst[i] = src[i] (same length). */
  copy(src: Storage, dst: Storage): void;

  /** Optional: zero-filled backend memory for `length` bytes (see gatherBytesRows). */
  allocBytes?(length: number): ByteStorage;
  /** Optional: gives bytes from allocBytes back. Never used afterwards. */
  releaseBytes?(bytes: ByteStorage): void;
  /**
   * Optional: out[i, j] = src[indices[i]·cols + j] / divisor for i < count, j < cols: a batch of
   * images gathered from their bytes and normalised in one kernel (fillImageBatch's loop in
   * JS costs ~2 ns a pixel, 160 µs a batch of 100 MNIST images). Each value is the float64
   * quotient rounded to out's dtype, as in JS. Throws on an index outside the rows of src.
   */
  gatherBytesRows?(
    src: ByteStorage,
    cols: number,
    indices: Int32Array,
    count: number,
    divisor: number,
    out: Storage,
  ): void;

  /**
   * Optional: a row index in backend memory, the nonzero columns of each row of a matrix
   * (offsets (rows + 1), row r's columns ascending at columns[offsets[r] .. offsets[r + 1])),
   * checked once here: every sparse product then trusts it.
   */
  allocRowIndex?(offsets: Int32Array, columns: Uint16Array, cols: number): RowIndex;
  /**
   * Optional: the products with a matrix x (rows×k) whose row r holds nonzeros only at the
   * columns of row ids[r] of `index`:
   *   transA false: out (rows×n) (+)= x·b,  b (k×n);
   *   transA true:  out (k×n) (+)= xᵀ·b,   b (rows×n).
   * Zeros are skipped; the sums are gemm's. Returns false, leaving out untouched, when b holds
   * ∞ or NaN (0·∞ must give NaN: the caller runs gemm).
   */
  sparseRowsGemm?(
    transA: boolean,
    rows: number,
    n: number,
    k: number,
    index: RowIndex,
    ids: Int32Array,
    x: Storage,
    b: Storage,
    out: Storage,
    accumulate: boolean,
  ): boolean;
  /**
   * The density (nonzeros / (rows·k)) at or below which this backend's sparseRowsGemm beats its
   * gemm, measured by `npm run bench` (the kernel table); above it the ops use gemm.
   */
  readonly sparseDensityLimit?: number;
}

/** A row index made by Backend.allocRowIndex: `rows` rows of `cols` columns, `nnz` nonzeros. */
export interface RowIndex {
  readonly rows: number;
  readonly cols: number;
  readonly nnz: number;
}
