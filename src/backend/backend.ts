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

/** Elementwise functions of one argument. `step` is 1 where x > 0 else 0 (the book's step_function). */
export type UnaryOp =
  'relu' | 'sigmoid' | 'exp' | 'log' | 'neg' | 'abs' | 'sqrt' | 'square' | 'tanh' | 'step';

/** Elementwise functions of two arguments. */
export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'max' | 'min';

/** A compute backend: storage allocation plus about fifteen kernels. */
export interface Backend {
  readonly name: string;
  /** Zero-filled storage for `length` numbers. */
  alloc(dtype: DType, length: number): Storage;
  /** Gives storage back (a no-op where the garbage collector owns memory). Never used afterwards. */
  release(storage: Storage): void;

  /**
   * c = op(a)·op(b) (+ c when accumulate), op(a) (m×k), op(b) (k×n), c (m×n), row-major.
   * transA: a is stored (k×m); transB: b is stored (n×k).
   */
  gemm(
    transA: boolean,
    transB: boolean,
    m: number,
    n: number,
    k: number,
    a: Storage,
    b: Storage,
    c: Storage,
    accumulate: boolean,
  ): void;
  /** out[i] = f(x[i]). out may be x. */
  unary(op: UnaryOp, x: Storage, out: Storage): void;
  /** out[i] = a[i] ∘ b[i]. out may alias a or b. */
  binary(op: BinaryOp, a: Storage, b: Storage, out: Storage): void;
  /** out[i] = a[i] ∘ s. out may be a. */
  binaryScalar(op: BinaryOp, a: Storage, s: number, out: Storage): void;
  /** out[r, c] = x[r, c] ∘ v[c] for x (rows×cols), v (cols). out may be x. */
  binaryRowVector(
    op: BinaryOp,
    rows: number,
    cols: number,
    x: Storage,
    v: Storage,
    out: Storage,
  ): void;
  /** out[c] = Σ_r x[r, c] (column sums; Affine's db). */
  sumAxis0(rows: number, cols: number, x: Storage, out: Storage): void;
  /** Σ x[i], accumulated in float64. */
  sum(x: Storage): number;
  /** out = dout where x > 0, else 0 (ReLU backward; the subgradient at 0 is 0). */
  reluBackward(dout: Storage, x: Storage, out: Storage): void;
  /** out = dout·y·(1 − y), with y the sigmoid output. */
  sigmoidBackward(dout: Storage, y: Storage, out: Storage): void;
  /** Row-wise softmax of x (rows×cols), subtracting each row's max first. */
  softmaxRows(rows: number, cols: number, x: Storage, out: Storage): void;
  /**
   * Fused softmax + cross-entropy error (SoftmaxWithLoss forward): y = softmax(x) row-wise,
   * returns Σₙ −log(y[n, tₙ] + 1e-7) (a sum; the op divides by N).
   */
  softmaxCrossEntropy(
    rows: number,
    cols: number,
    x: Storage,
    labels: Int32Array,
    y: Storage,
  ): number;
  /** dx = scale·(y − onehot(t)) (SoftmaxWithLoss backward with scale = dout / N). */
  softmaxCrossEntropyBackward(
    rows: number,
    cols: number,
    y: Storage,
    labels: Int32Array,
    scale: number,
    dx: Storage,
  ): void;
  /** y += alpha·x (the SGD update with alpha = −lr, weight decay with alpha = λ). */
  axpy(alpha: number, x: Storage, y: Storage): void;
  /** out[r] = index of the largest x[r, ·] (first on ties). */
  argmaxRows(rows: number, cols: number, x: Storage, out: Int32Array): void;
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
}
