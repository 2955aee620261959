import type { Rng } from '../tensor/rng.js';
import type { Dataset } from './batch-source.js';

/**
 * Row numbers of a seeded split into parts of the given ratios: one permutation of 0..count−1,
 * cut into consecutive pieces of round(count · rᵢ / Σr) rows (the last takes the rest), each
 * piece sorted so rows keep their file order. 8:1:1 gives train/validation/test as in the usual
 * 80/10/10 split.
 * Shapes: count → parts.length arrays whose lengths sum to count.
 * @example
 * splitIndices(10, [8, 1, 1], createRng(0)).map((p) => p.length); // [8, 1, 1]
 */
export function splitIndices(count: number, ratios: readonly number[], rng: Rng): Int32Array[] {
  if (ratios.length === 0 || !ratios.every((r) => Number.isFinite(r) && r >= 0)) {
    throw new RangeError(
      `splitIndices: ratios must be finite numbers ≥ 0, got ${ratios.join(':')}`,
    );
  }
  const total = ratios.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new RangeError('splitIndices: the ratios sum to 0');
  const perm = rng.permutation(count);
  const parts: Int32Array[] = [];
  let start = 0;
  ratios.forEach((r, i) => {
    const end =
      i === ratios.length - 1 ? count : Math.min(count, start + Math.round((count * r) / total));
    parts.push(perm.subarray(start, end).slice().sort());
    start = end;
  });
  return parts;
}

/**
 * The row numbers of a validation split: round(count · fraction) rows chosen by one seeded
 * permutation go to `validation`, the rest to `train`, each sorted (file order).
 * @example
 * validationIndices(10, 0.2, createRng(0)).validation.length; // 2
 */
export function validationIndices(
  count: number,
  fraction: number,
  rng: Rng,
): { train: Int32Array; validation: Int32Array } {
  if (!(fraction > 0 && fraction < 1)) {
    throw new RangeError(`splitValidation: fraction must be in (0, 1), got ${fraction}`);
  }
  const nValidation = Math.round(count * fraction);
  const perm = rng.permutation(count);
  return {
    validation: perm.subarray(0, nValidation).slice().sort(),
    train: perm.subarray(nValidation).slice().sort(),
  };
}

/**
 * Splits off a random validation set (validationIndices); for an image set this draws exactly
 * what splitValidation draws, so seeded runs are unchanged.
 * @example
 * const { train, validation } = splitDataset(ds, 0.1, createRng(0)); // 54000 / 6000 for MNIST (not run: needs a dataset)
 */
export function splitDataset(
  ds: Dataset,
  fraction: number,
  rng: Rng,
): { train: Dataset; validation: Dataset } {
  const { train, validation } = validationIndices(ds.count, fraction, rng);
  return { train: ds.subset(train), validation: ds.subset(validation) };
}
