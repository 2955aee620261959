/**
 * Gradient checks for graph functions: a fixed random R shaped like the output and
 * L = Σ f(x…) ⊙ R, so backward seeds ∂L/∂y = R; every input's grad must equal the central
 * difference of L in float64. Tests run it on each backend with onEachBackend.
 */
import assert from 'node:assert/strict';
import { Variable } from '../../src/graph/index.js';
import { gradientCheck } from '../../src/numerical/gradient-check.js';
import { numericalGradient } from '../../src/numerical/numerical-gradient.js';
import {
  clone,
  mul,
  randn,
  sum,
  zerosLike,
  type Rng,
  type Tensor,
} from '../../src/tensor/index.js';

/** Options of {@link assertGraphGradients}. */
export interface GraphCheckOptions {
  h?: number;
  tolerance?: number;
}

/**
 * Asserts that backward through f matches the numerical gradient for every input; returns the
 * worst relative difference.
 */
export function assertGraphGradients(
  what: string,
  f: (...xs: Variable[]) => Variable,
  inputs: Tensor[],
  rng: Rng,
  options: GraphCheckOptions = {},
): number {
  const { h = 1e-4, tolerance = 1e-6 } = options;
  const xs = inputs.map((t) => new Variable(clone(t)));
  const y = f(...xs);
  const R = randn(y.shape, rng);
  y.backward({ grad: R });
  const analytic: Record<string, Tensor> = {};
  const numerical: Record<string, Tensor> = {};
  inputs.forEach((input, i) => {
    // null means no path leads from the output to the input: the gradient is 0.
    const g = xs[i].grad?.data ?? zerosLike(input);
    assert.deepEqual(g.shape, input.shape, `${what}: gradient ${i} has the input's shape`);
    analytic[`x${i}`] = g;
    const point = clone(input);
    numerical[`x${i}`] = numericalGradient(
      // Recording stays on: a second-order f calls backward inside.
      (t) => sum(mul(f(...inputs.map((u, j) => new Variable(j === i ? t : u))).data, R)),
      point,
      h,
    );
  });
  let worst = 0;
  for (const [k, r] of Object.entries(gradientCheck(analytic, numerical))) {
    assert.ok(
      r.maxRel < tolerance,
      `${what}: ${k} relative difference ${r.maxRel.toExponential(3)} at [${r.worstIndex.join(', ')}]` +
        ` (analytic ${r.analytic}, numerical ${r.numerical})`,
    );
    worst = Math.max(worst, r.maxRel);
  }
  return worst;
}
