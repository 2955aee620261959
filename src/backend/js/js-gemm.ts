import type { FloatArray } from '../backend.js';

/**
 * Plain-TypeScript matrix product, the reference (oracle) kernel:
 *   c = op(a)·op(b) (+ c when accumulate), op(a) (m×k), op(b) (k×n), row-major.
 * Loop orders keep the innermost loop on contiguous memory for every transpose combination;
 * sums are formed in float64 locals and stored once (so float32 rounds once per element).
 */
export function jsGemm(
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  a: FloatArray,
  b: FloatArray,
  c: FloatArray,
  accumulate: boolean,
): void {
  if (!accumulate) c.fill(0, 0, m * n);
  if (!transB) {
    // i-p-j: c[i,:] += op(a)[i,p] · b[p,:], the inner loop runs along rows of b and c.
    for (let i = 0; i < m; i++) {
      const ci = i * n;
      for (let p = 0; p < k; p++) {
        const aip = transA ? a[p * m + i] : a[i * k + p];
        if (aip === 0) continue;
        const bp = p * n;
        for (let j = 0; j < n; j++) c[ci + j] += aip * b[bp + j];
      }
    }
    return;
  }
  // b is stored (n×k): c[i,j] = Σ_p op(a)[i,p]·b[j,p], a dot product along rows of b.
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const bj = j * k;
      let s = 0;
      if (transA) for (let p = 0; p < k; p++) s += a[p * m + i] * b[bj + p];
      else {
        const ai = i * k;
        for (let p = 0; p < k; p++) s += a[ai + p] * b[bj + p];
      }
      c[i * n + j] += s;
    }
  }
}
