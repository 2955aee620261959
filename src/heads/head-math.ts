// Scalar functions the heads share: stable softplus and sigmoid, log Γ and log y!.

/**
 * log(1 + eˣ) without overflow: max(x, 0) + log1p(e^−|x|).
 * @example softplus(0)  // 0.6931471805599453
 */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/**
 * σ(x) = 1/(1 + e^−x), computed from the side where the exponential cannot overflow.
 * @example logistic(0)  // 0.5
 */
export function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * log Γ(x) for x > 0: Stirling's series (x − ½)log x − x + ½log 2π + 1/12x − 1/360x³ + 1/1260x⁵
 * after shifting x up to at least 10 with Γ(x) = Γ(x + k)/(x(x+1)…(x+k−1)); error below 1e-13.
 * @example logGamma(5)  // 3.1780538303479458 (= log 24)
 */
export function logGamma(x: number): number {
  let shift = 0;
  while (x < 10) {
    shift += Math.log(x);
    x += 1;
  }
  const r = 1 / x;
  const r2 = r * r;
  const series = r * (1 / 12 - r2 * (1 / 360 - r2 / 1260));
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series - shift;
}

/**
 * log(y!) = log Γ(y + 1) for a count y ≥ 0 (exact sums of logs below 20).
 * @example logFactorial(3)  // 1.791759469228055 (= log 6)
 */
export function logFactorial(y: number): number {
  if (y < 20) {
    let s = 0;
    for (let k = 2; k <= y; k++) s += Math.log(k);
    return s;
  }
  return logGamma(y + 1);
}
