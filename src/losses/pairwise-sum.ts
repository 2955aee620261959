/**
 * Σ a[start..start+n) by NumPy's pairwise summation: blocks of up to 128 numbers are summed with
 * eight interleaved accumulators, longer runs are split in two (at a multiple of 8) and summed
 * recursively. The rounding error grows like O(log n) instead of O(n), and because the order of
 * additions is NumPy's, the book's printed sums come out bit for bit (the book's §4.2.1 0.5975 is
 * 0.5974999999999999 when summed left to right).
 * Book: np.sum on a contiguous float64 array.
 * @example pairwiseSum([0.01, 0.0025, 0.81, 0, 0.0025, 0.01, 0, 0.36, 0, 0]) * 0.5  // 0.5975
 */
export function pairwiseSum(a: ArrayLike<number>, start = 0, n = a.length - start): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[start + i];
    return res;
  }
  if (n <= 128) {
    const r = [0, 1, 2, 3, 4, 5, 6, 7].map((j) => a[start + j]);
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let j = 0; j < 8; j++) r[j] += a[start + i + j];
    }
    const low = r[0] + r[1] + (r[2] + r[3]);
    const high = r[4] + r[5] + (r[6] + r[7]);
    let res = low + high;
    for (; i < n; i++) res += a[start + i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, start, n2) + pairwiseSum(a, start + n2, n - n2);
}
