import type { Rng } from '../tensor/rng.js';
import { logFactorial } from './head-math.js';

/**
 * One draw from Poisson(λ). Below λ = 10: Knuth's method (multiply uniforms until the product
 * falls under e^−λ; about λ + 1 uniforms). From λ = 10: Hörmann's transformed rejection with
 * squeeze (PTRS, 1993), a constant ~1.1 pairs of uniforms per draw at any λ, where Knuth's
 * e^−λ would underflow past λ ≈ 745.
 * @example samplePoisson(3, createRng(0))  // a count, mean 3 over many draws
 */
export function samplePoisson(lambda: number, rng: Rng): number {
  if (!(lambda >= 0) || lambda === Infinity) return Number.NaN;
  if (lambda < 10) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = rng.next();
    while (p > limit) {
      k++;
      p *= rng.next();
    }
    return k;
  }
  const sqrtLambda = Math.sqrt(lambda);
  const logLambda = Math.log(lambda);
  const b = 0.931 + 2.53 * sqrtLambda;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    const lhs = Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b);
    if (lhs <= -lambda + k * logLambda - logFactorial(k)) return k;
  }
}

/**
 * One draw from Laplace(μ, b) by inverting its CDF: μ − b·sign(u)·log(1 − 2|u|), u uniform on (−½, ½).
 * @example sampleLaplace(0, 1, createRng(0))  // mean 0, variance 2b² over many draws
 */
export function sampleLaplace(mu: number, b: number, rng: Rng): number {
  let u = rng.next() - 0.5;
  while (u === -0.5) u = rng.next() - 0.5; // log(0) at the open end
  return mu - b * Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
}

/**
 * A class index drawn with the probabilities p[offset .. offset+C) (inverse CDF: the first class
 * whose running sum exceeds a uniform u; the last class if rounding leaves the sum below u).
 * @example sampleIndex([0.2, 0.8], 0, 2, createRng(0))  // 1 with probability 0.8
 */
export function sampleIndex(
  p: ArrayLike<number>,
  offset: number,
  classes: number,
  rng: Rng,
): number {
  const u = rng.next();
  let cumulative = 0;
  for (let c = 0; c < classes; c++) {
    cumulative += p[offset + c];
    if (u < cumulative) return c;
  }
  return classes - 1;
}
