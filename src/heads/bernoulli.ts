import type { Labels } from '../layers/layer.js';
import { LossAdapter } from '../layers/loss-adapter.js';
import { BCEWithLogitsLoss } from '../losses/bce-with-logits-loss.js';
import { fromArray } from '../tensor/creation.js';
import type { Rng } from '../tensor/rng.js';
import type { Tensor } from '../tensor/tensor.js';
import type { Head } from './head.js';
import { logistic, softplus } from './head-math.js';
import { meanNll, rowSums } from './head-metrics.js';
import { checkSupport, outputShape, realTargets } from './targets.js';

const name = 'bernoulli';

/**
 * The Bernoulli head: the output is the logit z of Bernoulli(y | σ(z)) for each 0/1 target column,
 * trained with BCEWithLogitsLoss; log p(y | z) = y·z − softplus(z), computed without overflow.
 * predict gives P(y = 1) = σ(z); accuracy counts σ(z) > ½ against y over every element.
 * Shapes: output (N, D) logits, targets (N, D) or (N) of 0/1 → predict (N, D), sample (N, D).
 * Book: ch04 §4.2 read as maximum likelihood, the Bernoulli case (a discrete target gives the
 * cross-entropy; docs/math.md §3).
 * @example bernoulliHead.logLikelihood(tensor([[0]]), [[1]])[0]  // -0.6931471805599453
 */
export const bernoulliHead: Head = {
  name,
  description: 'Bernoulli(y | σ(z)) per column: the network outputs logits z (BCEWithLogitsLoss)',
  targetKind: 'real',
  metricNames: ['accuracy', 'nll'],
  outputSize: (size) => size,
  createLoss: () => new LossAdapter(new BCEWithLogitsLoss()),
  predict: (output) =>
    fromArray(Float64Array.from(output.data, logistic), output.shape, { dtype: output.dtype }),
  variance: (output) =>
    fromArray(
      Float64Array.from(output.data, (z) => logistic(z) * logistic(-z)),
      output.shape,
      { dtype: output.dtype },
    ),
  sample(output: Tensor, rng: Rng) {
    outputShape(name, output);
    const y = Float64Array.from(output.data, (z) => (rng.next() < logistic(z) ? 1 : 0));
    return fromArray(y, output.shape, { dtype: output.dtype });
  },
  logLikelihood(output: Tensor, t: Labels) {
    const [rows, size] = outputShape(name, output);
    const y = realTargets(name, t, rows, size);
    const z = output.data;
    return rowSums(rows, size, (i) => y[i] * z[i] - softplus(z[i]));
  },
  metrics(output: Tensor, t: Labels) {
    const [rows, size] = outputShape(name, output);
    const y = realTargets(name, t, rows, size);
    let correct = 0;
    output.data.forEach((z, i) => {
      if ((z > 0 ? 1 : 0) === y[i]) correct++;
    });
    return { accuracy: correct / y.length, nll: meanNll(bernoulliHead.logLikelihood(output, t)) };
  },
  checkTarget: (t, size) => checkSupport(name, t, size, (y) => y === 0 || y === 1, '0 or 1'),
};
