import type { Labels } from '../layers/layer.js';
import { LossAdapter } from '../layers/loss-adapter.js';
import { PoissonNLLLoss } from '../losses/poisson-nll-loss.js';
import { fromArray } from '../tensor/creation.js';
import type { Rng } from '../tensor/rng.js';
import type { Tensor } from '../tensor/tensor.js';
import { samplePoisson } from './draws.js';
import type { Head } from './head.js';
import { logFactorial } from './head-math.js';
import { meanNll, rowSums } from './head-metrics.js';
import { checkSupport, outputShape, realTargets } from './targets.js';

const name = 'poisson';
const isCount = (y: number): boolean => Number.isInteger(y) && y >= 0;

/** The rates λ = e^z of an output of log-rates. */
const rates = (output: Tensor): Float64Array => Float64Array.from(output.data, Math.exp);

/**
 * The Poisson head: the output is the log-rate z of Poisson(y | λ = e^z), trained with
 * PoissonNLLLoss (logInput), whose e^z − y·z is −log p without the log y! that does not depend
 * on z; logLikelihood adds it back: log p = y·z − e^z − log y!. Metrics: nll and the mean Poisson
 * deviance 2·mean(y·log(y/λ) − (y − λ)) (y·log y = 0 at y = 0).
 * Shapes: output (N, D) log-rates, targets (N, D) or (N) counts → predict (N, D) rates, sample (N, D).
 * Book: PyTorch's PoissonNLLLoss for count targets, read as a likelihood (docs/math.md §3).
 * @example poissonHead.logLikelihood(tensor([[0]]), [[2]])[0]  // -1.6931471805599454 (= −1 − log 2!)
 */
export const poissonHead: Head = {
  name,
  description:
    'Poisson(y | λ = e^z): the network outputs the log-rate z (PoissonNLLLoss, logInput)',
  targetKind: 'real',
  metricNames: ['nll', 'deviance'],
  outputSize: (size) => size,
  createLoss: () => new LossAdapter(new PoissonNLLLoss({ logInput: true })),
  predict: (output) => fromArray(rates(output), output.shape, { dtype: output.dtype }),
  variance: (output) => fromArray(rates(output), output.shape, { dtype: output.dtype }),
  sample(output: Tensor, rng: Rng) {
    outputShape(name, output);
    const y = Float64Array.from(output.data, (z) => samplePoisson(Math.exp(z), rng));
    return fromArray(y, output.shape, { dtype: output.dtype });
  },
  logLikelihood(output: Tensor, t: Labels) {
    const [rows, size] = outputShape(name, output);
    const y = realTargets(name, t, rows, size);
    const z = output.data;
    return rowSums(rows, size, (i) => y[i] * z[i] - Math.exp(z[i]) - logFactorial(y[i]));
  },
  metrics(output: Tensor, t: Labels) {
    const [rows, size] = outputShape(name, output);
    const y = realTargets(name, t, rows, size);
    const lambda = rates(output);
    let deviance = 0;
    for (let i = 0; i < y.length; i++) {
      deviance += 2 * ((y[i] > 0 ? y[i] * Math.log(y[i] / lambda[i]) : 0) - (y[i] - lambda[i]));
    }
    return {
      nll: meanNll(poissonHead.logLikelihood(output, t)),
      deviance: deviance / y.length,
    };
  },
  checkTarget: (t, size) => checkSupport(name, t, size, isCount, 'a count (an integer ≥ 0)'),
};
