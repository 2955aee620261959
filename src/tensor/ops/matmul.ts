import { getBackend } from '../../backend/registry.js';
import { fmtShape, type Tensor } from '../tensor.js';
import { assertSameDType, outFor } from './check.js';

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
  getBackend().gemm(
    transA,
    transB,
    m,
    n,
    k,
    a.storage,
    b.storage,
    out.storage,
    options.accumulate ?? false,
  );
  return out;
}
