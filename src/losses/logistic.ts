/**
 * σ(z) = 1 / (1 + e⁻ᶻ) for one number, without overflow: for z < 0 it is eᶻ / (1 + eᶻ).
 * @example sigmoid(0); // → 0.5
 */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * log σ(z) = min(z, 0) − log(1 + e^−|z|), finite for any finite z (log σ(−1000) = −1000, not −∞).
 * @example logSigmoid(0); // → -0.6931471805599453
 */
export function logSigmoid(z: number): number {
  return Math.min(z, 0) - Math.log1p(Math.exp(-Math.abs(z)));
}

/**
 * softplus(z) = log(1 + eᶻ) = max(z, 0) + log(1 + e^−|z|), finite for any finite z. For z ≤ 0
 * this is exactly log1p(exp(z)), the form PyTorch evaluates.
 * @example softplus(0); // → 0.6931471805599453
 */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}
