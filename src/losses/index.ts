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
