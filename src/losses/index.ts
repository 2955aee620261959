export { LossInputError } from './loss-error.js';
export { toClassIndices, type ClassTarget, type ClassIndexOptions } from './labels.js';
export { pairwiseSum } from './pairwise-sum.js';
export { type Reduction, type LossValue, type ReductionOptions } from './reduction.js';
export { Loss, type LossSpec, type LossTerms } from './loss.js';
export { type LossData } from './loss-data.js';
export { sumSquaresError } from './sum-squares-error.js';
export { crossEntropyError } from './cross-entropy-error.js';
export { mseLoss, MSELoss, type MSELossOptions } from './mse-loss.js';
export { l1Loss, L1Loss, type L1LossOptions } from './l1-loss.js';
export {
  crossEntropyLoss,
  CrossEntropyLoss,
  type CrossEntropyLossOptions,
} from './cross-entropy-loss.js';
export { nllLoss, NLLLoss, type NLLLossOptions } from './nll-loss.js';
export { bceLoss, BCELoss, type BCELossOptions } from './bce-loss.js';
export {
  bceWithLogitsLoss,
  BCEWithLogitsLoss,
  type BCEWithLogitsLossOptions,
} from './bce-with-logits-loss.js';
export { poissonNllLoss, PoissonNLLLoss, type PoissonNLLLossOptions } from './poisson-nll-loss.js';
export {
  hingeEmbeddingLoss,
  HingeEmbeddingLoss,
  type HingeEmbeddingLossOptions,
} from './hinge-embedding-loss.js';
export {
  multiMarginLoss,
  MultiMarginLoss,
  type MultiMarginLossOptions,
} from './multi-margin-loss.js';
export { softMarginLoss, SoftMarginLoss, type SoftMarginLossOptions } from './soft-margin-loss.js';
export { klDivLoss, KLDivLoss, type KLDivLossOptions, type KLDivReduction } from './kl-div-loss.js';
export { huberLoss, HuberLoss, type HuberLossOptions } from './huber-loss.js';
export { smoothL1Loss, SmoothL1Loss, type SmoothL1LossOptions } from './smooth-l1-loss.js';
export {
  gaussianNllLoss,
  GaussianNLLLoss,
  type GaussianNLLLossOptions,
  type Variance,
} from './gaussian-nll-loss.js';

import { BCELoss, bceLoss } from './bce-loss.js';
import { BCEWithLogitsLoss, bceWithLogitsLoss } from './bce-with-logits-loss.js';
import { CrossEntropyLoss, crossEntropyLoss } from './cross-entropy-loss.js';
import { GaussianNLLLoss, gaussianNllLoss } from './gaussian-nll-loss.js';
import { HingeEmbeddingLoss, hingeEmbeddingLoss } from './hinge-embedding-loss.js';
import { HuberLoss, huberLoss } from './huber-loss.js';
import { KLDivLoss, klDivLoss } from './kl-div-loss.js';
import { L1Loss, l1Loss } from './l1-loss.js';
import { MSELoss, mseLoss } from './mse-loss.js';
import { MultiMarginLoss, multiMarginLoss } from './multi-margin-loss.js';
import { NLLLoss, nllLoss } from './nll-loss.js';
import { PoissonNLLLoss, poissonNllLoss } from './poisson-nll-loss.js';
import { SmoothL1Loss, smoothL1Loss } from './smooth-l1-loss.js';
import { SoftMarginLoss, softMarginLoss } from './soft-margin-loss.js';

/** One PyTorch loss as menus and catalogs list it (a record of {@link LOSSES}). */
export interface LossRecord {
  /** The class, named as PyTorch's (new MSELoss(options)). */
  readonly class: abstract new (...args: never[]) => object;
  /** The function form, named as torch.nn.functional's (mseLoss(input, target, options)). */
  readonly fn: (...args: never[]) => unknown;
  /** A short description for menus. */
  readonly label: string;
}

/**
 * Every PyTorch loss, by its class name, with its function form and a label: the catalogs of the
 * playground and the experiments read it. Adding a loss is its file plus an export line and a
 * record here.
 * Formulas: each class documents its own. Shapes: each class documents its own.
 * Book: the book has sum of squares and cross-entropy (ch04 §4.2); these are PyTorch's torch.nn losses.
 * @example
 * Object.keys(LOSSES).length;  // 14
 * LOSSES.MSELoss.label;         // 'mean squared error'
 */
export const LOSSES = {
  MSELoss: { class: MSELoss, fn: mseLoss, label: 'mean squared error' },
  L1Loss: { class: L1Loss, fn: l1Loss, label: 'mean absolute error' },
  HuberLoss: { class: HuberLoss, fn: huberLoss, label: 'Huber (quadratic, then linear)' },
  SmoothL1Loss: { class: SmoothL1Loss, fn: smoothL1Loss, label: 'smooth L1 (Huber / β)' },
  CrossEntropyLoss: {
    class: CrossEntropyLoss,
    fn: crossEntropyLoss,
    label: 'cross-entropy of softmax (logits)',
  },
  NLLLoss: { class: NLLLoss, fn: nllLoss, label: 'negative log-likelihood (log-probabilities)' },
  BCELoss: { class: BCELoss, fn: bceLoss, label: 'binary cross-entropy (probabilities)' },
  BCEWithLogitsLoss: {
    class: BCEWithLogitsLoss,
    fn: bceWithLogitsLoss,
    label: 'binary cross-entropy (logits)',
  },
  PoissonNLLLoss: {
    class: PoissonNLLLoss,
    fn: poissonNllLoss,
    label: 'Poisson negative log-likelihood',
  },
  GaussianNLLLoss: {
    class: GaussianNLLLoss,
    fn: gaussianNllLoss,
    label: 'Gaussian negative log-likelihood (mean, variance)',
  },
  KLDivLoss: { class: KLDivLoss, fn: klDivLoss, label: 'Kullback–Leibler divergence' },
  HingeEmbeddingLoss: {
    class: HingeEmbeddingLoss,
    fn: hingeEmbeddingLoss,
    label: 'hinge embedding (targets ±1)',
  },
  MultiMarginLoss: { class: MultiMarginLoss, fn: multiMarginLoss, label: 'multi-class hinge' },
  SoftMarginLoss: {
    class: SoftMarginLoss,
    fn: softMarginLoss,
    label: 'soft margin (logistic, ±1)',
  },
} as const satisfies Record<string, LossRecord>;

/** A PyTorch loss's class name: a key of {@link LOSSES}. */
export type LossName = keyof typeof LOSSES;

/**
 * The loss names in table order.
 * @example LOSS_NAMES[0]  // 'MSELoss'
 */
export const LOSS_NAMES = Object.keys(LOSSES) as readonly LossName[];
