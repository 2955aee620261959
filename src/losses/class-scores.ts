import { fmtShape, type NestedArray, type Tensor } from '../tensor/tensor.js';
import { readLossData, type LossData } from './loss-data.js';
import { LossInputError } from './loss-error.js';

/** The layout of a class-score input: N rows of C scores, and the shape of the 'none' output. */
export interface ClassScores {
  readonly rows: number;
  readonly classes: number;
  /** (N) for an (N, C) input; () for a single (C) row, as PyTorch returns a 0-d loss then. */
  readonly outShape: readonly number[];
}

/**
 * Reads the layout of a (C) or (N, C) input of class scores. Shapes: (C) or (N, C).
 * @example classScores('nllLoss', readLossData('nllLoss', 'input', [[0, 1, 2]])); // { rows: 1, classes: 3, outShape: [1] } (not run: readLossData is internal to the losses)
 */
export function classScores(where: string, input: LossData): ClassScores {
  const s = input.shape;
  if (s.length === 1) return { rows: 1, classes: s[0], outShape: [] };
  if (s.length === 2) return { rows: s[0], classes: s[1], outShape: [s[0]] };
  throw new LossInputError(where, 'input', 'class scores of shape (C) or (N, C)', fmtShape(s));
}

/**
 * A per-class weight (C) as float64, or undefined when not given. Shapes: (C).
 * @example classWeight('nllLoss', [1, 3], 2); // → [1, 3]
 */
export function classWeight(
  where: string,
  weight: Tensor | NestedArray | undefined,
  classes: number,
): Float64Array | undefined {
  if (weight === undefined) return undefined;
  const w = readLossData(where, 'options.weight', weight);
  if (w.shape.length !== 1 || w.shape[0] !== classes) {
    throw new LossInputError(
      where,
      'options.weight',
      `one weight per class, shape (${classes},)`,
      fmtShape(w.shape),
    );
  }
  return w.data;
}
