import { gradientDescent } from '../numerical/gradient-descent.js';
import { lineChart } from '../plot/line-chart.js';
import { scatterChart } from '../plot/scatter-chart.js';
import { createRng, type Rng } from '../tensor/rng.js';
import type { Tensor } from '../tensor/tensor.js';
import {
  bySize,
  type Experiment,
  type ExperimentContext,
  type ExperimentResult,
} from './experiment.js';

/** L(θ) = ‖θ‖², function_2 in any dimension; ∇L = 2θ. */
function squaredNorm(theta: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < theta.length; i++) s += theta[i]! * theta[i]!;
  return s;
}

/** A random direction of length `length` in d dimensions (a normalised normal vector). */
function randomStep(rng: Rng, d: number, length: number): Float64Array {
  const v = new Float64Array(d);
  for (let i = 0; i < d; i++) v[i] = rng.normal();
  const scale = length / Math.sqrt(squaredNorm(v));
  for (let i = 0; i < d; i++) v[i]! *= scale;
  return v;
}

/** The result of the note's search loop: loss evaluations used, the loss after each one. */
interface NaiveSearch {
  readonly evaluations: number;
  readonly reached: boolean;
  readonly losses: number[];
  /** How often a proposal's loss equalled the current loss (the note's stop test). */
  readonly ties: number;
}

/**
 * The note's loop without a gradient: propose θ + Δθ with a random Δθ of fixed length, keep it
 * when L(θ + Δθ) < L(θ), until L < target or `maxEvaluations` proposals.
 */
function naiveSearch(
  theta0: Float64Array,
  step: number,
  target: number,
  maxEvaluations: number,
  rng: Rng,
): NaiveSearch {
  const theta = Float64Array.from(theta0);
  const trial = new Float64Array(theta.length);
  let loss = squaredNorm(theta);
  const losses = [loss];
  let ties = 0;
  let evaluations = 0;
  while (loss >= target && evaluations < maxEvaluations) {
    const delta = randomStep(rng, theta.length, step);
    for (let i = 0; i < theta.length; i++) trial[i] = theta[i]! + delta[i]!;
    const next = squaredNorm(trial);
    evaluations++;
    if (next === loss) ties++;
    if (next < loss) {
      theta.set(trial);
      loss = next;
    }
    losses.push(loss);
  }
  return { evaluations, reached: loss < target, losses, ties };
}

/**
 * why-negative-gradient: why the step is Δθ = −η∇L. To first order (Taylor) ΔL ≈ Δθ·∇L, so
 * Δθ = −η∇L gives ΔL ≈ −η‖∇L‖² < 0. On function_2 at (−3, 4), where ‖∇L‖² = 100, the exact
 * change is ΔL(η) = −100η(1 − η): −9 at η 0.1, −25 at 0.5, 0 at 1 (the step bounces to the mirror
 * point) and +11 at 1.1. Random unit directions: the sign of ΔL follows the sign of Δθ·∇L and −∇L
 * is the steepest. The note's gradient-free loop needs far more loss evaluations as the dimension
 * grows, while gradient descent with η 0.1 takes 18 steps in every dimension; its stop test
 * `L(θ + Δθ) == L(θ)` never fires, a tolerance on ‖∇L‖ does (`gradientDescent({ tolerance })`).
 * Book: gradient_descent, ch04 §4.4.1.
 * @example whyNegativeGradientExperiment.run({ size: 'tiny', seed: 0 }).numbers.gradientDescentSteps; // → [18, 18, 18]
 */
export const whyNegativeGradientExperiment: Experiment = {
  name: 'why-negative-gradient',
  title: 'Why step along −∇L',
  claim:
    'To first order ΔL ≈ Δθ·∇L, so the step Δθ = −η∇L makes ΔL ≈ −η‖∇L‖² < 0: on f = x0² + x1² at (−3, 4) the exact change is −100η(1 − η), close to the prediction −100η for small η; random steps need more and more loss evaluations as the dimension grows, while gradient descent takes 18 steps in every dimension (ch04 §4.4.1).',
  book: 'ch04 §4.4.1',
  note: {
    source: 'note 002, "θ* 를 찾는 방법" (Taylor expansion)',
    quote:
      'L(θ + Δθ) ≈ L(θ) + Δθ · ∇L … 여기서 Δθ = −η∇L (η > 0) (learning rate) 라 하고 (1)에 대입. 그럼 ΔL = −η||∇L||² < 0 이 되어 희망사항 충족!',
  },
  needsMnist: false,
  run(context: ExperimentContext): ExperimentResult {
    const rng = createRng(context.seed);
    const theta: readonly [number, number] = [-3, 4];
    const grad = [2 * theta[0], 2 * theta[1]] as const; // ∇(x0² + x1²) = 2x
    const gradNorm2 = grad[0] * grad[0] + grad[1] * grad[1];
    const loss0 = squaredNorm(theta);
    const deltaLoss = (eta: number): number =>
      squaredNorm([theta[0] - eta * grad[0], theta[1] - eta * grad[1]]) - loss0;

    // 1. Exact ΔL(η) against the first-order prediction −η‖∇L‖².
    const n = bySize(context.size, { tiny: 25, fast: 121, full: 241 });
    const etas = Array.from({ length: n }, (_, i) => (1.2 * i) / (n - 1));
    const exact = etas.map(deltaLoss);
    const predicted = etas.map((eta) => -eta * gradNorm2);
    const atEta = {
      '0.1': deltaLoss(0.1),
      '0.5': deltaLoss(0.5),
      '1': deltaLoss(1),
      '1.1': deltaLoss(1.1),
    };
    const smallEtaRatio = deltaLoss(1e-3) / (-1e-3 * gradNorm2);

    // 2. 1000 random unit directions with a small step: sign(ΔL) against sign(Δθ·∇L).
    const directions = 1000;
    const epsilon = 1e-3;
    const slopes: number[] = [];
    const changes: number[] = [];
    let signAgreements = 0;
    let mostNegative = Infinity;
    for (let k = 0; k < directions; k++) {
      const u = randomStep(rng, 2, 1);
      const slope = u[0]! * grad[0] + u[1]! * grad[1];
      const change = squaredNorm([theta[0] + epsilon * u[0]!, theta[1] + epsilon * u[1]!]) - loss0;
      slopes.push(slope);
      changes.push(change);
      if (Math.sign(change) === Math.sign(slope)) signAgreements++;
      mostNegative = Math.min(mostNegative, change);
    }
    const gradNorm = Math.sqrt(gradNorm2);
    const steepest =
      squaredNorm([
        theta[0] - (epsilon * grad[0]) / gradNorm,
        theta[1] - (epsilon * grad[1]) / gradNorm,
      ]) - loss0;

    // 3. The note's loop against gradient descent on ‖θ‖² from ‖θ0‖ = 5.
    const dims = [2, 10, 100];
    const maxEvaluations = bySize(context.size, { tiny: 20_000, fast: 200_000, full: 1_000_000 });
    const searches: NaiveSearch[] = [];
    const gdSteps: number[] = [];
    for (const d of dims) {
      const theta0 = new Float64Array(d).fill(5 / Math.sqrt(d));
      searches.push(naiveSearch(theta0, 0.05, 1e-2, maxEvaluations, rng));
      const f = (x: Tensor): number => squaredNorm(x.data);
      const gd = gradientDescent(f, Array.from(theta0), { lr: 0.1, stepNum: 100 });
      gdSteps.push(gd.history.findIndex((p) => squaredNorm(p) < 1e-2));
    }

    // 4. The note's stop test against a tolerance on the gradient's norm.
    const stopRun = naiveSearch(Float64Array.from(theta), 0.05, 0, 10_000, rng);
    const withTolerance = gradientDescent((x) => squaredNorm(x.data), [...theta], {
      lr: 0.1,
      stepNum: 10_000,
      tolerance: 1e-6,
    });

    const thinned = (losses: number[]) => {
      const stride = Math.max(1, Math.floor(losses.length / 400));
      const x: number[] = [];
      const y: number[] = [];
      for (let i = 0; i < losses.length; i += stride) {
        x.push(i);
        y.push(losses[i]!);
      }
      return { x, y };
    };
    const evaluations = searches.map((s) => s.evaluations);
    return {
      figures: [
        {
          name: 'delta-loss-vs-eta',
          caption: `On f = x0² + x1² at (−3, 4), where ‖∇L‖² = 100, the step −η∇L changes the loss by exactly −100η(1 − η) (solid) against the first-order prediction −100η (dashed): they agree for small η, the best step is η = 0.5 (ΔL = −25), η = 1 bounces to the mirror point (ΔL = 0) and η = 1.1 climbs (ΔL = +11).`,
          spec: lineChart(
            [
              { name: 'exact ΔL', x: etas, y: exact },
              { name: 'predicted −η‖∇L‖²', x: etas, y: predicted, strokeDash: [6, 4] },
            ],
            {
              title: 'Loss change of one step −η∇L',
              xLabel: 'learning rate η',
              yLabel: 'ΔL',
              yDomain: [-40, 15],
              legend: 'bottom-left',
            },
          ),
        },
        {
          name: 'random-directions',
          caption: `${directions} random unit directions u with a step of ${epsilon}: ΔL has the sign of u·∇L in ${signAgreements} of ${directions} cases, and no direction lowers L more than −∇L/‖∇L‖ (ΔL = ${steepest.toExponential(4)}, the most negative random one ${mostNegative.toExponential(4)}).`,
          spec: scatterChart(
            [
              { name: 'random direction', x: slopes, y: changes, size: 12 },
              {
                name: '−∇L/‖∇L‖',
                x: [-gradNorm],
                y: [steepest],
                size: 80,
                opacity: 1,
              },
            ],
            {
              title: 'ΔL against the first-order slope u·∇L',
              xLabel: 'u·∇L',
              yLabel: `ΔL for a step of ${epsilon}`,
            },
          ),
        },
        {
          name: 'naive-search',
          caption: `The note's loop without a gradient (a random step of length 0.05, kept when L falls) on L = ‖θ‖² from ‖θ0‖ = 5 needs ${evaluations.join(', ')} loss evaluations to reach L < 0.01 in d = ${dims.join(', ')}; gradient descent with η = 0.1 needs ${gdSteps.join(', ')} steps.`,
          spec: lineChart(
            searches.map((s, i) => ({
              name: `random search, d = ${dims[i]}`,
              ...thinned(s.losses),
            })),
            {
              title: 'Random search: loss against loss evaluations',
              xLabel: 'loss evaluations',
              yLabel: 'L = ‖θ‖²',
              yScale: 'log',
              legend: 'top-right',
            },
          ),
        },
      ],
      key: [
        { label: 'ΔL at η = 0.1 (prediction −10)', value: atEta['0.1'] },
        { label: 'ΔL at η = 0.5 (the best step)', value: atEta['0.5'] },
        { label: 'ΔL at η = 1 (the bounce)', value: atEta['1'] },
        { label: 'ΔL at η = 1.1', value: atEta['1.1'] },
        { label: 'ΔL / (−η‖∇L‖²) at η = 1e-3', value: smallEtaRatio },
        { label: `sign(ΔL) = sign(u·∇L), of ${directions}`, value: signAgreements },
        {
          label: `random-search evaluations, d = ${dims.join(', ')}`,
          value: evaluations.join(', '),
        },
        { label: 'gradient-descent steps (η 0.1), every d', value: gdSteps.join(', ') },
        { label: 'note stop test L(θ+Δθ) == L(θ) fired, of 10,000', value: stopRun.ties },
        { label: 'steps until ‖∇L‖ ≤ 1e-6 (tolerance)', value: withTolerance.steps },
      ],
      numbers: {
        gradientNormSquared: gradNorm2,
        deltaLossAt: atEta,
        smallEtaRatio,
        etas,
        exactDeltaLoss: exact,
        directions,
        epsilon,
        signAgreements,
        steepestDeltaLoss: steepest,
        mostNegativeRandomDeltaLoss: mostNegative,
        dimensions: dims,
        randomSearchEvaluations: evaluations,
        randomSearchReached: searches.map((s) => s.reached),
        gradientDescentSteps: gdSteps,
        stopTestTies: stopRun.ties,
        stopTestProposals: stopRun.evaluations,
        stopTestFinalLoss: stopRun.losses.at(-1)!,
        toleranceSteps: withTolerance.steps,
        toleranceGradientNorm: withTolerance.gradientNorm,
      },
    };
  },
};
