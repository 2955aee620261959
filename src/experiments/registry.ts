import { ExperimentError, type Experiment } from './experiment.js';
import { backpropAssumptionsExperiment } from './backprop-assumptions.js';
import { batchSizeExperiment } from './batch-size.js';
import { computationalGraphExperiment } from './computational-graph.js';
import { gradientDescentExperiment } from './gradient-descent.js';
import { gradientFieldExperiment } from './gradient-field.js';
import { layerBackwardExperiment } from './layer-backward.js';
import { learningRateExperiment } from './learning-rate.js';
import { lossesExperiment } from './losses.js';
import { lossVsAccuracyExperiment } from './loss-vs-accuracy.js';
import { likelihoodHeadsExperiment } from './likelihood-heads.js';
import { maxLikelihoodExperiment } from './max-likelihood.js';
import { modelSelectionExperiment } from './model-selection.js';
import { newtonMethodExperiment } from './newton-method.js';
import { mseVsCrossEntropyExperiment } from './mse-vs-cross-entropy.js';
import { nonconvexDescentExperiment } from './nonconvex-descent.js';
import { numericalDiffExperiment } from './numerical-diff.js';
import { overfittingExperiment } from './overfitting.js';
import { partialDerivativesExperiment } from './partial-derivatives.js';
import { polynomialFitExperiment } from './polynomial-fit.js';
import { regressionUncertaintyExperiment } from './regression-uncertainty.js';
import { shortcutLearningExperiment } from './shortcut-learning.js';
import { simpleNetExperiment } from './simple-net.js';
import { totalDerivativeExperiment } from './total-derivative.js';
import { trainMnistExperiment } from './train-mnist.js';
import { whyNegativeGradientExperiment } from './why-negative-gradient.js';

/**
 * Every experiment, in the order of the book (and of the gallery).
 * @example EXPERIMENTS.map((e) => e.name) // ['numerical-diff', 'partial-derivatives', …]
 */
export const EXPERIMENTS: readonly Experiment[] = [
  numericalDiffExperiment,
  partialDerivativesExperiment,
  totalDerivativeExperiment,
  gradientFieldExperiment,
  gradientDescentExperiment,
  whyNegativeGradientExperiment,
  nonconvexDescentExperiment,
  learningRateExperiment,
  simpleNetExperiment,
  lossVsAccuracyExperiment,
  mseVsCrossEntropyExperiment,
  batchSizeExperiment,
  computationalGraphExperiment,
  newtonMethodExperiment,
  layerBackwardExperiment,
  trainMnistExperiment,
  overfittingExperiment,
  polynomialFitExperiment,
  modelSelectionExperiment,
  shortcutLearningExperiment,
  maxLikelihoodExperiment,
  likelihoodHeadsExperiment,
  regressionUncertaintyExperiment,
  backpropAssumptionsExperiment,
  lossesExperiment,
];

/**
 * The experiment called `name`, or an ExperimentError listing the known names.
 * @example findExperiment('numerical-diff').title; // → 'Numerical differentiation'
 */
export function findExperiment(name: string): Experiment {
  const found = EXPERIMENTS.find((e) => e.name === name);
  if (found === undefined) {
    throw new ExperimentError(
      `experiment name: expected one of ${EXPERIMENTS.map((e) => e.name).join(', ')} or 'all', found '${name}'`,
    );
  }
  return found;
}
