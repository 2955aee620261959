/**
 * A hidden activation as the structured numerical gradient needs it: the function of one float64
 * number and the facts about it that let the sweep skip work without changing a result.
 * - `value(v)`: f(v), exact for one number (no overflow for large |v|);
 * - `slopeBound`: an upper bound on |f′|, so |f(z ± h·x) − f(z)| ≤ slopeBound·h·|x| (it decides
 *   when a short series may replace exponentials);
 * - `zeroAtOrBelowZero`: f(v) = 0 for every v ≤ 0 (ReLU): a unit whose z stays ≤ 0 under every
 *   perturbation of a row changes nothing and is skipped;
 * - `logistic`: f is σ(v) = 1/(1 + e⁻ᵛ), so σ(z ± d) = 1/(1 + e⁻ᶻ·e^∓d) costs one exp per unit.
 * Shapes: a number → a number. Book: the activation inside numerical_gradient's loss (ch04 §4.5).
 * @example
 * const relu: ScalarActivation = { value: (v) => (v > 0 ? v : 0), slopeBound: 1, zeroAtOrBelowZero: true };
 * relu.value(-2); // → 0
 */
export interface ScalarActivation {
  readonly value: (v: number) => number;
  readonly slopeBound: number;
  readonly zeroAtOrBelowZero?: boolean;
  readonly logistic?: boolean;
}
