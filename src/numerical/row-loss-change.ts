// How one row's loss ℓ = −log(softmax(s)[t] + δ) changes when its scores move from s to s + d·w,
// evaluated from the cached E = exp(s − max s): the inner step of TwoLayerNumericalGradient.

/** The book's log guard in cross_entropy_error: log(y + δ). */
const DELTA = 1e-7;

/** |d·wₖ| below this keeps the degree-6 Taylor remainder of exp under 4e-19 (half an ulp of 1 is 1.1e-16). */
export const SERIES_RADIUS = 2 ** -7;

/** |r − 1| below this keeps logNear1's remainder under 2e-22. */
const LOG_SERIES_RADIUS = 2 ** -10;

/** The coefficients a series of exp needs: 1/m! for m = 0..6. */
const SERIES_TERMS = 7;

/**
 * exp(u): its Taylor polynomial of degree 6 when |u| < 2⁻⁷ (exact to rounding there and several
 * times faster than Math.exp), else Math.exp. Perturbed scores move by tiny amounts (h·x·W2).
 * @example expNear0(1e-3)  // 1.0010005001667084 (= Math.exp(1e-3))
 */
export function expNear0(u: number): number {
  if (u > -SERIES_RADIUS && u < SERIES_RADIUS) {
    return 1 + u * (1 + u * (1 / 2 + u * (1 / 6 + u * (1 / 24 + u * (1 / 120 + u / 720)))));
  }
  return Math.exp(u);
}

/**
 * log r for r near 1: with ε = r − 1 (exact for r in [½, 2]), the series ε − ε²/2 + … − ε⁶/6 when
 * |ε| < 2⁻¹⁰ (remainder below 2e-22), else Math.log. The ratio of two perturbed probabilities
 * differs from 1 by about 1e-6.
 * @example logNear1(1 + 1e-6)  // 9.999995000003334e-7 (= Math.log1p(1e-6))
 */
export function logNear1(r: number): number {
  const x = r - 1;
  if (x > -LOG_SERIES_RADIUS && x < LOG_SERIES_RADIUS) {
    return x * (1 - x * (1 / 2 - x * (1 / 3 - x * (1 / 4 - x * (1 / 5 - x / 6)))));
  }
  return Math.log(r);
}

/**
 * (p₋ + δ) / (p₊ + δ) with p± = n± / s±, by one division: ((n₋ + δs₋)·s₊) / ((n₊ + δs₊)·s₋).
 */
function guardedRatio(np: number, sp: number, nm: number, sm: number): number {
  return ((nm + DELTA * sm) * sp) / ((np + DELTA * sp) * sm);
}

/**
 * ℓ(d₊) − ℓ(d₋) for a row whose scores move by d±·w:
 *   p(d) = E_t·e^(d·w_t) / Σₖ Eₖ·e^(d·wₖ),  ℓ(d₊) − ℓ(d₋) = log((p(d₋) + δ) / (p(d₊) + δ)),
 * one log instead of two, without cancelling two losses of about 2.3 against each other.
 * Shapes: E and w hold the row at offsets e and wo, C numbers each.
 * @example rowLossChange(Float64Array.of(1, 1), 0, Float64Array.of(1, 0), 0, 2, 0, 1e-4, -1e-4)  // ≈ −1e-4
 */
export function rowLossChange(
  E: Float64Array,
  e: number,
  w: Float64Array,
  wo: number,
  C: number,
  t: number,
  dp: number,
  dm: number,
): number {
  let sp = 0;
  let sm = 0;
  for (let k = 0; k < C; k++) {
    sp += E[e + k] * expNear0(dp * w[wo + k]);
    sm += E[e + k] * expNear0(dm * w[wo + k]);
  }
  const Et = E[e + t];
  return logNear1(
    guardedRatio(Et * expNear0(dp * w[wo + t]), sp, Et * expNear0(dm * w[wo + t]), sm),
  );
}

/**
 * The series of the softmax denominator along w: Σₖ Eₖ·e^(d·wₖ) = Σₘ cₘ·dᵐ with
 * cₘ = Σₖ Eₖ·wₖᵐ / m! (m = 0..6), exact to rounding while |d·wₖ| < 2⁻⁷ for every k. With it, each
 * perturbed denominator costs 7 terms instead of C exponentials.
 * Shapes: E and w hold the row at offsets e and wo, C numbers each; out (≥ 7).
 * @example expSeries(Float64Array.of(1, 1), 0, Float64Array.of(1, -1), 0, 2, new Float64Array(7)); // → [2, 0, 1, 0, 1/12, 0, 1/360]
 */
export function expSeries(
  E: Float64Array,
  e: number,
  w: Float64Array,
  wo: number,
  C: number,
  out: Float64Array,
): Float64Array {
  out.fill(0, 0, SERIES_TERMS);
  for (let k = 0; k < C; k++) {
    let term = E[e + k];
    const wk = w[wo + k];
    for (let m = 0; m < SERIES_TERMS; m++) {
      out[m] += term;
      term = (term * wk) / (m + 1);
    }
  }
  return out;
}

/**
 * ℓ(d₊) − ℓ(d₋) as rowLossChange computes it, with the denominator from expSeries's coefficients c
 * (the caller checks |d±·wₖ| < 2⁻⁷) and the numerator E_t·e^(d·w_t) from expNear0.
 * @example rowLossChangeSeries(expSeries(E, e, w, wo, C, c), E[e + t], w[wo + t], 1e-4, -1e-4) // not run: inside the structured sweep
 */
export function rowLossChangeSeries(
  c: Float64Array,
  Et: number,
  wt: number,
  dp: number,
  dm: number,
): number {
  const sp = c[0] + dp * (c[1] + dp * (c[2] + dp * (c[3] + dp * (c[4] + dp * (c[5] + dp * c[6])))));
  const sm = c[0] + dm * (c[1] + dm * (c[2] + dm * (c[3] + dm * (c[4] + dm * (c[5] + dm * c[6])))));
  return logNear1(guardedRatio(Et * expNear0(dp * wt), sp, Et * expNear0(dm * wt), sm));
}

/**
 * ℓ(W2[j,k] + h) − ℓ(W2[j,k] − h) for every class k of a row, when only s[k] moves (by ±u = ±h·a):
 * Eₖ becomes Eₖ·e^(±u); `rest[k]` = Σ over the other classes (summed directly by the caller,
 * since S − Eₖ would cancel when Eₖ dominates). Adds each change to g[go + k].
 * @example addScoreChanges(E, e, C, t, rest, 1e-4, g, 0) // not run: inside the structured sweep
 */
export function addScoreChanges(
  E: Float64Array,
  e: number,
  C: number,
  t: number,
  rest: Float64Array,
  u: number,
  g: Float64Array,
  go: number,
): void {
  const up = expNear0(u);
  const down = expNear0(-u);
  const Et = E[e + t];
  for (let k = 0; k < C; k++) {
    const ep = E[e + k] * up;
    const em = E[e + k] * down;
    g[go + k] += logNear1(
      guardedRatio(k === t ? ep : Et, rest[k] + ep, k === t ? em : Et, rest[k] + em),
    );
  }
}
