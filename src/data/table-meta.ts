import type { Scaling } from './standardize.js';

/**
 * What a model trained on a table remembers about its data (the model file's `data` metadata):
 * the target and feature columns by name, the head, the training split's scaling and the class
 * names (categorical), so eval and predict read another file the same way.
 */
export interface TableMeta {
  readonly target: string;
  readonly features: readonly string[];
  readonly head: string;
  readonly scaling: Scaling;
  readonly classes?: readonly string[];
  /** The fixed scale (gaussian σ, laplace b) fitted on the training rows after training: σ̂ = rmse, b̂ = mae. */
  readonly scale?: number;
  /** How the training rows were split: the row count, the ratios and the seed (see splitRows). */
  readonly split?: {
    readonly rows: number;
    readonly ratios: readonly number[];
    readonly seed: number;
  };
}
