import { fmtShape, sameShape } from '../tensor/tensor.js';
import type { Tensor } from '../tensor/tensor.js';

/** How far one analytic gradient is from its numerical estimate. */
export interface GradientDifference {
  /** maxᵢ |aᵢ − nᵢ|. */
  readonly maxAbs: number;
  /** meanᵢ |aᵢ − nᵢ|, the number the book's gradient_check.py prints. */
  readonly meanAbs: number;
  /** maxᵢ |aᵢ − nᵢ| / max(|aᵢ| + |nᵢ|, floor): scale-free, the number to put a tolerance on. */
  readonly maxRel: number;
  /** The multi-index where the relative difference is largest. */
  readonly worstIndex: readonly number[];
  /** The analytic value at worstIndex. */
  readonly analytic: number;
  /** The numerical value at worstIndex. */
  readonly numerical: number;
}

/** Options of gradientCheck. */
export interface GradientCheckOptions {
  /** The smallest denominator of the relative difference (default 1e-8), so 0 vs 1e-15 is not 100 %. */
  floor?: number;
}

/**
 * Compares backpropagation gradients with numerical ones, parameter by parameter:
 *   maxAbs = maxᵢ |aᵢ − nᵢ|,  meanAbs = meanᵢ |aᵢ − nᵢ|,  maxRel = maxᵢ |aᵢ − nᵢ| / max(|aᵢ| + |nᵢ|, floor).
 * Both records must have the same keys and shapes (extra or missing keys throw).
 * Shapes: each analytic[k] like numerical[k]. Book: gradient_check.py (ch05 §5.7.3) prints meanAbs.
 * @example
 * const a = { W: tensor([1, 2]) }, n = { W: tensor([1, 2.000001]) };
 * gradientCheck(a, n).W;  // { maxAbs: 1e-6, meanAbs: 5e-7, maxRel: 2.5e-7, worstIndex: [1], … } (≈)
 */
export function gradientCheck(
  analytic: Readonly<Record<string, Tensor>>,
  numerical: Readonly<Record<string, Tensor>>,
  options: GradientCheckOptions = {},
): Record<string, GradientDifference> {
  const floor = options.floor ?? 1e-8;
  if (!(Number.isFinite(floor) && floor > 0)) {
    throw new RangeError(`gradientCheck: floor must be a finite number > 0, got ${String(floor)}`);
  }
  const keys = Object.keys(analytic);
  const missing = Object.keys(numerical).filter((k) => !(k in analytic));
  if (missing.length > 0) {
    throw new RangeError(
      `gradientCheck: numerical has ${missing.join(', ')} but analytic does not`,
    );
  }
  const result: Record<string, GradientDifference> = {};
  for (const key of keys) {
    const a = analytic[key];
    const n = numerical[key];
    if (n === undefined)
      throw new RangeError(`gradientCheck: analytic has '${key}' but numerical does not`);
    if (!sameShape(a.shape, n.shape)) {
      throw new RangeError(
        `gradientCheck: '${key}' has shape ${fmtShape(a.shape)} (analytic) vs ${fmtShape(n.shape)} (numerical)`,
      );
    }
    result[key] = compare(a, n, floor);
  }
  return result;
}

function compare(a: Tensor, n: Tensor, floor: number): GradientDifference {
  const ad = a.data;
  const nd = n.data;
  let maxAbs = 0;
  let sumAbs = 0;
  let maxRel = 0;
  let worst = 0;
  for (let i = 0; i < ad.length; i++) {
    const diff = Math.abs(ad[i] - nd[i]);
    const rel = diff / Math.max(Math.abs(ad[i]) + Math.abs(nd[i]), floor);
    sumAbs += diff;
    if (diff > maxAbs) maxAbs = diff;
    // The first NaN wins and stays, so a NaN gradient is reported rather than hidden.
    if (rel > maxRel || (Number.isNaN(rel) && !Number.isNaN(maxRel))) {
      maxRel = rel;
      worst = i;
    }
  }
  return {
    maxAbs,
    meanAbs: ad.length === 0 ? 0 : sumAbs / ad.length,
    maxRel,
    worstIndex: unravel(worst, a.shape),
    analytic: ad.length === 0 ? 0 : ad[worst],
    numerical: nd.length === 0 ? 0 : nd[worst],
  };
}

/** The multi-index of a row-major flat index. */
function unravel(flat: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length).fill(0);
  for (let d = shape.length - 1; d >= 0; d--) {
    index[d] = flat % shape[d];
    flat = Math.floor(flat / shape[d]);
  }
  return index;
}
