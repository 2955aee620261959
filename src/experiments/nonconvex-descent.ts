import { gradientDescent } from '../numerical/gradient-descent.js';
import { contourChart } from '../plot/contour-chart.js';
import { lineChart } from '../plot/line-chart.js';
import { createRng } from '../tensor/rng.js';
import type { Tensor } from '../tensor/tensor.js';
import {
  bySize,
  type Experiment,
  type ExperimentContext,
  type ExperimentResult,
} from './experiment.js';

/** f(x) = x⁴ − 3x² + x: a local minimum near x = 1.13 and the global one near x = −1.30. */
export function quarticWell(x: number): number {
  return x ** 4 - 3 * x * x + x;
}

/** The saddle f(x, y) = x² + y⁴/4 − y²/2: a saddle at the origin, minima f = −¼ at (0, ±1). */
export function saddle(x: number, y: number): number {
  return x * x + y ** 4 / 4 - (y * y) / 2;
}

/** Where one descent ended: the last point, f there, and whether it ran off to infinity. */
interface DescentEnd {
  readonly eta: number;
  readonly x: number;
  readonly f: number;
  readonly diverged: boolean;
  /** x after each step, up to the first non-finite value. */
  readonly path: number[];
}

/**
 * Gradient descent on the saddle written as the mean of N per-sample losses
 * ℓᵢ(x, y) = f(x, y) + aᵢ·y with Σaᵢ = 0 exactly (antithetic pairs ±sᵢ), so the full-batch
 * gradient has no y part on the line y = 0, while a mini-batch's mean of aᵢ does not vanish.
 */
function saddleDescent(
  a: Float64Array,
  batch: number | 'full',
  eta: number,
  steps: number,
  seed: number,
): [number, number][] {
  const rng = createRng(seed);
  let x = 1;
  let y = 0;
  const path: [number, number][] = [[x, y]];
  const indices = new Int32Array(batch === 'full' ? a.length : batch);
  if (batch === 'full') for (let i = 0; i < a.length; i++) indices[i] = i;
  for (let s = 0; s < steps; s++) {
    if (batch !== 'full') rng.choice(a.length, batch, indices);
    // ∂ℓᵢ/∂x = 2x, ∂ℓᵢ/∂y = y³ − y + aᵢ, averaged over the batch.
    let noise = 0;
    for (let k = 0; k < indices.length; k++) noise += a[indices[k]!]!;
    const gx = 2 * x;
    const gy = y ** 3 - y + noise / indices.length;
    x -= eta * gx;
    y -= eta * gy;
    path.push([x, y]);
  }
  return path;
}

/**
 * nonconvex-descent: on f(x) = x⁴ − 3x² + x from x₀ = 2 (1000 steps of gradient descent), a
 * small η (0.01, 0.05) ends in the local minimum x = 1.13090 (f = −1.07023), η 0.1 jumps over the
 * hump to the global minimum x = −1.30084 (f = −3.51391), and η 0.2 diverges. On a saddle written
 * as a mean of per-sample terms, full-batch descent from (1, 0) stays on y = 0 exactly, while
 * mini-batch SGD leaves it and ends near a minimum (f ≈ −0.25).
 * Book: gradient_descent, ch04 §4.4.1 (the learning rate); SGD, ch04 §4.5.
 * @example nonconvexDescentExperiment.run({ size: 'tiny', seed: 0 }).numbers.fullBatchFinalY; // → 0
 */
export const nonconvexDescentExperiment: Experiment = {
  name: 'nonconvex-descent',
  title: 'Local minima and saddle points',
  claim:
    'A small learning rate is slow and can be trapped in a local minimum: on f(x) = x⁴ − 3x² + x from x = 2, η 0.01 and 0.05 stop at x = 1.1309 (f = −1.0702) while η 0.1 reaches the global minimum x = −1.3008 (f = −3.5139) and η 0.2 diverges; the noise of random mini-batches moves SGD off a saddle where full-batch descent stays (ch04 §4.4.1, §4.5).',
  book: 'ch04 §4.4.1, §4.5',
  note: {
    source: 'note 003, 경사하강법 (learning rate)',
    quote:
      'Large learning rate: Overshooting.\nSmall learning rate: Many iterations until convergence and trapping in local minima.',
  },
  needsMnist: false,
  run(context: ExperimentContext): ExperimentResult {
    const steps = 1000;
    const etas = [0.01, 0.05, 0.1, 0.2];
    const f = (t: Tensor): number => quarticWell(t.data[0]!);
    const ends: DescentEnd[] = etas.map((eta) => {
      const { history } = gradientDescent(f, [2], { lr: eta, stepNum: steps });
      const xs = history.map((p) => p[0]!);
      const firstBad = xs.findIndex((v) => !Number.isFinite(v) || Math.abs(v) > 1e6);
      const path = firstBad < 0 ? xs : xs.slice(0, firstBad);
      const x = path.at(-1)!;
      return { eta, x, f: quarticWell(x), diverged: firstBad >= 0, path };
    });

    // The saddle as a mean of N per-sample terms.
    const N = 1000;
    const rng = createRng(context.seed);
    const a = new Float64Array(N);
    for (let i = 0; i < N; i += 2) {
      const s = rng.normal();
      a[i] = s;
      a[i + 1] = -s;
    }
    const saddleSteps = bySize(context.size, { tiny: 500, fast: 500, full: 2000 });
    const eta = 0.1;
    const full = saddleDescent(a, 'full', eta, saddleSteps, context.seed);
    const sgd = saddleDescent(a, 10, eta, saddleSteps, context.seed + 1);
    const [fx, fy] = full.at(-1)!;
    const [sx, sy] = sgd.at(-1)!;

    const n = bySize(context.size, { tiny: 21, fast: 61, full: 101 });
    const axis = Array.from({ length: n }, (_, i) => -1.6 + (3.2 * i) / (n - 1));
    const grid = { x0: axis, x1: axis, z: axis.map((y) => axis.map((x) => saddle(x, y))) };
    const xs = Array.from({ length: 161 }, (_, i) => -2 + i / 40);
    const live = ends.filter((e) => !e.diverged);
    return {
      figures: [
        {
          name: 'local-minimum',
          caption: `f(x) = x⁴ − 3x² + x with where ${steps} steps from x = 2 end: η ${live
            .map((e) => `${e.eta} at x = ${e.x.toFixed(5)}`)
            .join(', ')}; η 0.2 overshoots and diverges.`,
          spec: lineChart(
            [
              { name: 'f(x)', x: xs, y: xs.map(quarticWell) },
              ...live.map((e) => ({
                name: `end, η = ${e.eta}`,
                x: [e.x],
                y: [e.f],
                points: true,
              })),
            ],
            {
              title: 'Where gradient descent ends on x⁴ − 3x² + x',
              xLabel: 'x',
              yLabel: 'f(x)',
              yDomain: [-4, 4],
              legend: 'top-left',
            },
          ),
        },
        {
          name: 'iterates',
          caption:
            'x over the first 60 steps from x = 2: η 0.01 creeps into the near (local) minimum, η 0.05 gets there quickly, η 0.1 jumps past the hump at x ≈ 0.17 into the global minimum, η 0.2 runs away.',
          spec: lineChart(
            ends.map((e) => {
              const p = e.path.slice(0, 61).filter((v) => Math.abs(v) < 4);
              return { name: `η = ${e.eta}`, x: p.map((_, i) => i), y: p };
            }),
            {
              title: 'x per step',
              xLabel: 'step',
              yLabel: 'x',
              yDomain: [-4, 4],
              legend: 'right',
            },
          ),
        },
        {
          name: 'saddle',
          caption: `f(x, y) = x² + y⁴/4 − y²/2 as the mean of ${N} per-sample terms f + aᵢ·y with Σaᵢ = 0. From (1, 0), full-batch descent ends at (${fx.toExponential(2)}, ${fy}) on the saddle (f = ${saddle(fx, fy).toExponential(2)}); mini-batch SGD (batch 10) leaves y = 0 and ends at (${sx.toFixed(3)}, ${sy.toFixed(3)}), f = ${saddle(sx, sy).toFixed(4)}, near a minimum (f = −0.25).`,
          spec: contourChart(
            grid,
            { title: 'Full batch stays on the saddle, SGD leaves it', xLabel: 'x', yLabel: 'y' },
            [
              { name: 'full-batch GD', points: full.filter((_, i) => i % 5 === 0) },
              { name: 'SGD, batch 10', points: sgd.filter((_, i) => i % 5 === 0) },
            ],
          ),
        },
      ],
      key: [
        ...ends.map((e) => ({
          label: `η = ${e.eta}: end x (f)`,
          value: e.diverged ? 'diverged' : `${e.x.toFixed(5)} (${e.f.toFixed(5)})`,
        })),
        { label: 'saddle, full batch: final y', value: fy },
        { label: 'saddle, SGD batch 10: final f', value: saddle(sx, sy) },
      ],
      numbers: {
        steps,
        ends: ends.map((e) => ({
          eta: e.eta,
          x: e.diverged ? null : e.x,
          f: e.diverged ? null : e.f,
          diverged: e.diverged,
        })),
        saddleSteps,
        saddleEta: eta,
        fullBatchFinal: [fx, fy],
        fullBatchFinalY: fy,
        fullBatchFinalF: saddle(fx, fy),
        sgdFinal: [sx, sy],
        sgdFinalF: saddle(sx, sy),
      },
    };
  },
};
