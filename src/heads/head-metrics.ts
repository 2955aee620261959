// Metrics the heads share.

/**
 * The mean negative log-likelihood per row: −(1/N) Σₙ log p(tₙ | outputₙ).
 * @example meanNll(Float64Array.of(-1, -3))  // 2
 */
export function meanNll(logLikelihood: Float64Array): number {
  let s = 0;
  for (const v of logLikelihood) s -= v;
  return s / logLikelihood.length;
}

/**
 * Root-mean-square and mean absolute error of predicted means against targets, over every element.
 * @example errorMetrics([1, 2], Float64Array.of(1, 4))  // { rmse: 1.4142135623730951, mae: 1 }
 */
export function errorMetrics(
  mean: ArrayLike<number>,
  y: Float64Array,
): { rmse: number; mae: number } {
  let se = 0;
  let ae = 0;
  for (let i = 0; i < y.length; i++) {
    const d = mean[i] - y[i];
    se += d * d;
    ae += Math.abs(d);
  }
  return { rmse: Math.sqrt(se / y.length), mae: ae / y.length };
}

/**
 * Σ over each row's `size` values of f(i), i the element index: the per-row log-likelihood of
 * independent target columns. Shapes: → (rows).
 * @example rowSums(2, 2, (i) => i)  // Float64Array [1, 5]
 */
export function rowSums(rows: number, size: number, f: (i: number) => number): Float64Array {
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let i = r * size; i < (r + 1) * size; i++) s += f(i);
    out[r] = s;
  }
  return out;
}
