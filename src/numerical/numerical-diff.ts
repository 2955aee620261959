/**
 * Options of numericalDiff.
 * @example numericalDiff(Math.sin, 0, { h: 1e-5, method: 'forward' })  // ≈ 1
 */
export interface NumericalDiffOptions {
  /** The step h (default 1e-4, the book's choice: small, but not so small that rounding wins). */
  h?: number;
  /** 'central': (f(x+h) − f(x−h)) / 2h, error O(h²) (default, the book's); 'forward': (f(x+h) − f(x)) / h, error O(h). */
  method?: 'central' | 'forward';
  /**
   * Round x, h, x ± h, each value of f, the difference and the quotient to float32 (as NumPy's
   * float32 arrays would; f's own arithmetic stays float64). Default false: all float64.
   */
  float32?: boolean;
}

/**
 * The derivative of a one-variable function by finite differences:
 *   central: f'(x) ≈ (f(x+h) − f(x−h)) / 2h,   forward: f'(x) ≈ (f(x+h) − f(x)) / h.
 * Shapes: x a number → a number. Book: numerical_diff (ch04 §4.3). With h = 1e-50 the step
 * vanishes in floating point (x + h == x) and the result is 0: that is why h = 1e-4. In float32
 * (`float32: true`) 1e-50 itself rounds to 0 and the quotient is 0/0 = NaN.
 * @example numericalDiff((x) => 0.01 * x ** 2 + 0.1 * x, 5); // → 0.1999999999990898
 */
export function numericalDiff(
  f: (x: number) => number,
  x: number,
  options: NumericalDiffOptions = {},
): number {
  const h = options.h ?? 1e-4;
  const method = options.method ?? 'central';
  if (!(Number.isFinite(h) && h > 0)) {
    throw new RangeError(`numericalDiff: h must be a finite number > 0, got ${String(h)}`);
  }
  if (method !== 'central' && method !== 'forward')
    throw new RangeError(
      `numericalDiff: method must be 'central' or 'forward', got '${String(method)}'`,
    );
  // r rounds every intermediate to the working precision (the identity in float64).
  const r = options.float32 ? Math.fround : (v: number): number => v;
  const [xr, hr] = [r(x), r(h)];
  const fr = (v: number): number => r(f(r(v)));
  if (method === 'forward') return r(r(fr(xr + hr) - fr(xr)) / hr);
  return r(r(fr(xr + hr) - fr(xr - hr)) / r(2 * hr));
}
