import { getBackend } from '../../backend/registry.js';
import { fmtShape, type Tensor } from '../tensor.js';
import { assertSameDType, outFor } from './check.js';
import { rowSparsityOf } from './row-sparsity.js';

/** Options of matmul: transposed operands, an output buffer, accumulation into it. */
export interface MatmulOptions {
  /** Use aᵀ (a is stored (K, M)). */
  transA?: boolean;
  /** Use bᵀ (b is stored (N, K)). */
  transB?: boolean;
  /** Write into this (M, N) tensor instead of allocating. */
  out?: Tensor;
  /** Add to `out` instead of overwriting it. */
  accumulate?: boolean;
}

/**
 * Matrix product of 2-D tensors, with transposed variants computed without copying:
 *   out = op(a)·op(b),  op(a) (M, K), op(b) (K, N), out (M, N).
 * Book: np.dot(x, W). Affine uses a·b forward, aᵀ·b for dW = xᵀ·dout and a·bᵀ for dx = dout·Wᵀ.
 * When a carries its rows' nonzero structure (a batch of images, see setRowSparsity) and is
 * sparse enough for the backend, a·b and aᵀ·b skip its zeros with the same sums.
 * @example matmul(tensor([[1, 2]]), tensor([[3], [4]])).toArray(); // → [[11]]
 */
export function matmul(a: Tensor, b: Tensor, options: MatmulOptions = {}): Tensor {
  const { transA = false, transB = false } = options;
  if (a.ndim !== 2 || b.ndim !== 2) {
    throw new RangeError(
      `matmul: expected 2-D tensors, got ${fmtShape(a.shape)} and ${fmtShape(b.shape)}`,
    );
  }
  assertSameDType('matmul', a, b);
  const m = transA ? a.shape[1] : a.shape[0];
  const k = transA ? a.shape[0] : a.shape[1];
  const kb = transB ? b.shape[1] : b.shape[0];
  const n = transB ? b.shape[0] : b.shape[1];
  if (k !== kb) {
    const na = transA ? `${fmtShape(a.shape)}ᵀ` : fmtShape(a.shape);
    const nb = transB ? `${fmtShape(b.shape)}ᵀ` : fmtShape(b.shape);
    throw new RangeError(`matmul: inner dimensions differ, ${na} · ${nb} (${k} vs ${kb})`);
  }
  const out = outFor('matmul', options.out, [m, n], a.dtype);
  if (options.accumulate && options.out === undefined) {
    throw new RangeError('matmul: accumulate needs an out tensor to add to');
  }
  const backend = getBackend();
  const accumulate = options.accumulate ?? false;
  const sparse = transB ? undefined : rowSparsityOf(a);
  if (sparse !== undefined && backend.sparseRowsGemm !== undefined) {
    const rows = transA ? k : m;
    const cols = transA ? m : k;
    // The backend's measured break-even density decides (dense data loses nothing).
    const dense = sparse.nnz > (backend.sparseDensityLimit ?? 0) * rows * cols;
    if (
      !dense &&
      sparse.ids.length === rows &&
      backend.sparseRowsGemm(
        transA,
        rows,
        n,
        cols,
        sparse.index,
        sparse.ids,
        a.storage,
        b.storage,
        out.storage,
        accumulate,
      )
    ) {
      return out;
    }
  }
  backend.gemm(transA, transB, m, n, k, a.storage, b.storage, out.storage, accumulate);
  return out;
}
