/**
 * Kernel benchmark: GFLOP/s of gemm for the products of one training step of the book's
 * 784-50-10 network at batch 100, per transpose variant, JS backend vs WASM backend, float32
 * and float64, printed as a table with the ratio wasm / js. The two products whose op(a) is the
 * input batch x run twice: on dense random numbers and on a real MNIST batch (81% zeros, which
 * both backends skip). GFLOP/s always counts the dense 2·m·n·k.
 *
 * Usage: tsx bench/kernels.ts [--seconds S] [--repeat R]
 *   S: time per measurement (default 0.3); R: runs of the whole table, keeping each row's best
 *   (default 1; on a machine shared with other work, 3 filters out interference).
 */
import type { Backend, DType } from '../src/backend/backend.js';
import { createJsBackend } from '../src/backend/js/js-backend.js';
import { createWasmBackend } from '../src/backend/wasm/wasm-backend.js';
import { fillImageBatch } from '../src/data/dataset.js';
import { loadDataset } from '../src/platform/node/datasets.js';

/** One matrix product of the training step: c (m×n) = op(a) (m×k) · op(b) (k×n). */
export interface GemmCase {
  readonly name: string;
  readonly transA: boolean;
  readonly transB: boolean;
  readonly m: number;
  readonly n: number;
  readonly k: number;
  /** a holds a batch of 100 MNIST images (x or xᵀ) instead of dense random numbers. */
  readonly mnist?: boolean;
}

/** The products of TwoLayerNet (784-50-10) at batch 100: forward NN, dW = xᵀ·dout TN, dx = dout·Wᵀ NT. */
export const TRAINING_GEMMS: readonly GemmCase[] = [
  { name: 'x·W1', transA: false, transB: false, m: 100, n: 50, k: 784 },
  { name: 'x·W1', transA: false, transB: false, m: 100, n: 50, k: 784, mnist: true },
  { name: 'h·W2', transA: false, transB: false, m: 100, n: 10, k: 50 },
  { name: 'hᵀ·dy = dW2', transA: true, transB: false, m: 50, n: 10, k: 100 },
  { name: 'dy·W2ᵀ = dh', transA: false, transB: true, m: 100, n: 50, k: 10 },
  { name: 'xᵀ·dh = dW1', transA: true, transB: false, m: 784, n: 50, k: 100 },
  { name: 'xᵀ·dh = dW1', transA: true, transB: false, m: 784, n: 50, k: 100, mnist: true },
  { name: 'dh·W1ᵀ = dx', transA: false, transB: true, m: 100, n: 784, k: 50 },
];

/** One measured row: GFLOP/s of each backend and the ratio. */
export interface GemmRow {
  readonly gemm: GemmCase;
  readonly dtype: DType;
  readonly jsGflops: number;
  readonly wasmGflops: number;
}

/**
 * Best-of-5 seconds per call of `f`, each batch running for about `seconds / 5`, after 100 ms of
 * warm-up (V8 compiles hot WebAssembly with its optimising tier in the background).
 */
export function timePerCall(f: () => void, seconds: number): number {
  f();
  let calls = 1;
  for (let t0 = performance.now(); performance.now() - t0 < 100; calls++) f(); // warm up, calibrate
  const batch = Math.max(1, Math.round((calls / 0.1) * (seconds / 5)));
  let best = Infinity;
  for (let rep = 0; rep < 5; rep++) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) f();
    best = Math.min(best, (performance.now() - t0) / 1000 / batch);
  }
  return best;
}

/** 100 MNIST training images (the first of each run of 600), normalised, row-major (100×784). */
function mnistBatch(): Float64Array {
  const { train } = loadDataset('mnist');
  const indices = Int32Array.from({ length: 100 }, (_, i) => i * 600);
  return fillImageBatch(train, indices, 100, new Float64Array(100 * 784)) as Float64Array;
}

function gemmGflops(
  backend: Backend,
  g: GemmCase,
  dtype: DType,
  seconds: number,
  x: Float64Array,
): number {
  const a = backend.alloc(dtype, g.m * g.k);
  const b = backend.alloc(dtype, g.k * g.n);
  const c = backend.alloc(dtype, g.m * g.n);
  for (const s of [a, b]) {
    const d = s.data;
    for (let i = 0; i < d.length; i++) d[i] = Math.sin(i) * 0.5;
  }
  if (g.mnist) a.data.set(x); // x (100×784) is op(a) for NN and, stored as is, op(a)ᵀ for TN
  const t = timePerCall(
    () => backend.gemm(g.transA, g.transB, g.m, g.n, g.k, a, b, c, false),
    seconds,
  );
  for (const s of [a, b, c]) backend.release(s);
  return (2 * g.m * g.n * g.k) / t / 1e9;
}

/** Measures every training product on both backends and dtypes. */
export async function benchGemm(seconds = 0.3): Promise<GemmRow[]> {
  const js = createJsBackend();
  const wasm = await createWasmBackend();
  const x = mnistBatch();
  const rows: GemmRow[] = [];
  for (const dtype of ['float32', 'float64'] as const) {
    for (const gemm of TRAINING_GEMMS) {
      const wasmGflops = gemmGflops(wasm, gemm, dtype, seconds, x);
      const jsGflops = gemmGflops(js, gemm, dtype, seconds, x);
      rows.push({ gemm, dtype, jsGflops, wasmGflops });
    }
  }
  return rows;
}

/** Microseconds per training step of 784-50-10 at batch 100, kernels only, per backend and dtype. */
export interface StepRow {
  readonly backend: string;
  readonly dtype: DType;
  readonly microseconds: number;
}

/**
 * Times the kernel calls of one SGD step of TwoLayerNet on an MNIST batch, as the layers make
 * them (forward, SoftmaxWithLoss, backward without the input gradient of the first layer, four
 * axpy updates): a lower bound for the step of the full library, without batch filling.
 */
export function stepMicroseconds(
  backend: Backend,
  dtype: DType,
  x: Float64Array,
  seconds: number,
): number {
  const B = 100;
  const [D, H, C] = [784, 50, 10];
  const alloc = (n: number) => backend.alloc(dtype, n);
  const [xs, W1, b1, h, r, W2, b2, z, y, dz, dW2, db2, dr, dh, dW1, db1] = [
    B * D,
    D * H,
    H,
    B * H,
    B * H,
    H * C,
    C,
    B * C,
    B * C,
    B * C,
    H * C,
    C,
    B * H,
    B * H,
    D * H,
    H,
  ].map(alloc);
  xs.data.set(x);
  for (const w of [W1, W2]) {
    const d = w.data;
    for (let i = 0; i < d.length; i++) d[i] = Math.sin(i) * 0.01;
  }
  const t = Int32Array.from({ length: B }, (_, i) => i % C);
  const step = () => {
    backend.gemm(false, false, B, H, D, xs, W1, h, false);
    backend.binaryRowVector('add', B, H, h, b1, h);
    backend.unary('relu', h, r);
    backend.gemm(false, false, B, C, H, r, W2, z, false);
    backend.binaryRowVector('add', B, C, z, b2, z);
    backend.softmaxCrossEntropy(B, C, z, t, y);
    backend.softmaxCrossEntropyBackward(B, C, y, t, 1 / B, dz);
    backend.gemm(true, false, H, C, B, r, dz, dW2, false);
    backend.sumAxis0(B, C, dz, db2);
    backend.gemm(false, true, B, H, C, dz, W2, dr, false);
    backend.reluBackward(dr, h, dh);
    backend.gemm(true, false, D, H, B, xs, dh, dW1, false);
    backend.sumAxis0(B, H, dh, db1);
    for (const [p, g] of [
      [W1, dW1],
      [b1, db1],
      [W2, dW2],
      [b2, db2],
    ] as const)
      backend.axpy(-0.1, g, p);
  };
  return timePerCall(step, seconds) * 1e6;
}

/** The step time on both backends and dtypes. */
export async function benchStep(seconds = 0.3): Promise<StepRow[]> {
  const x = mnistBatch();
  const rows: StepRow[] = [];
  for (const backend of [createJsBackend(), await createWasmBackend()]) {
    for (const dtype of ['float32', 'float64'] as const) {
      rows.push({
        backend: backend.name,
        dtype,
        microseconds: stepMicroseconds(backend, dtype, x, seconds),
      });
    }
  }
  return rows;
}

/** The step rows as a Markdown table. */
export function formatStepTable(rows: readonly StepRow[]): string {
  return [
    '| backend | dtype | µs per step (kernels only) |',
    '| --- | --- | ---: |',
    ...rows.map((r) => `| ${r.backend} | ${r.dtype} | ${r.microseconds.toFixed(0)} |`),
  ].join('\n');
}

/** The rows as a Markdown table. */
export function formatGemmTable(rows: readonly GemmRow[]): string {
  const lines = [
    '| product | variant | m×n×k | a | dtype | js GFLOP/s | wasm GFLOP/s | wasm / js |',
    '| --- | --- | --- | --- | --- | ---: | ---: | ---: |',
  ];
  for (const { gemm: g, dtype, jsGflops, wasmGflops } of rows) {
    const variant = `${g.transA ? 'T' : 'N'}${g.transB ? 'T' : 'N'}`;
    lines.push(
      `| ${g.name} | ${variant} | ${g.m}×${g.n}×${g.k} | ${g.mnist ? 'MNIST' : 'dense'} | ${dtype} | ${jsGflops.toFixed(2)} | ` +
        `${wasmGflops.toFixed(1)} | ${(wasmGflops / jsGflops).toFixed(1)}× |`,
    );
  }
  return lines.join('\n');
}

/** Row-wise best of several runs of a table (rows in the same order every run). */
export function bestOf<R>(runs: readonly (readonly R[])[], best: (a: R, b: R) => R): R[] {
  return runs[0].map((_, i) => runs.map((run) => run[i]).reduce(best));
}

if (process.argv[1]?.endsWith('kernels.ts')) {
  const option = (name: string, fallback: number) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? Number(process.argv[at + 1]) : fallback;
  };
  const seconds = option('--seconds', 0.3);
  const gemmRuns: GemmRow[][] = [];
  const stepRuns: StepRow[][] = [];
  for (let r = 0; r < option('--repeat', 1); r++) {
    gemmRuns.push(await benchGemm(seconds));
    stepRuns.push(await benchStep(seconds));
  }
  const fastest = (a: GemmRow, b: GemmRow): GemmRow => ({
    ...a,
    jsGflops: Math.max(a.jsGflops, b.jsGflops),
    wasmGflops: Math.max(a.wasmGflops, b.wasmGflops),
  });
  console.log(formatGemmTable(bestOf(gemmRuns, fastest)));
  console.log();
  console.log(
    formatStepTable(bestOf(stepRuns, (a, b) => (a.microseconds <= b.microseconds ? a : b))),
  );
}
