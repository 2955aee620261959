import { Variable } from '../graph/variable.js';
import '../graph/methods.js';
import { lineChart } from '../plot/line-chart.js';
import type { Experiment, ExperimentContext, ExperimentResult } from './experiment.js';

/** y = x⁴ − 2x², built from Variables so that backward can differentiate it twice. */
const quartic = (x: Variable): Variable => x.pow(4).sub(x.pow(2).mul(2));

/** y′ and y″ at x by backward with createGraph, then backward through the gradient. */
export function quarticDerivatives(at: number): { dy: number; d2y: number } {
  const x = new Variable(at, { name: 'x' });
  quartic(x).backward({ createGraph: true });
  const gx = x.grad as Variable;
  x.clearGrad();
  gx.backward();
  return { dy: gx.item(), d2y: x.grad?.item() ?? Number.NaN };
}

const TOLERANCE = 1e-10;

/**
 * newton-method: y = x⁴ − 2x² from x = 2, where backward gives y′ = 24 and, with createGraph,
 * y″ = 44. Newton's method x ← x − y′/y″ (both from the graph) reaches the minimum at 1 to 1e-10
 * in 6 steps (exactly 1 at step 7); gradient descent with lr = 0.01 needs 264.
 * Book: DeZero steps 33–34 (the follow-up volume), after ch05's backpropagation.
 * @example newtonMethodExperiment.run({ size: 'tiny', seed: 0 }).numbers.d2y // 44
 */
export const newtonMethodExperiment: Experiment = {
  name: 'newton-method',
  title: "Second derivatives and Newton's method",
  claim:
    "Backpropagating through the backward pass gives second derivatives: y = x⁴ − 2x² at x = 2 has y′ = 24 and y″ = 44, and Newton's method with them reaches the minimum x = 1 to 1e-10 in 6 steps where gradient descent (lr 0.01) needs 264 (ch05, DeZero steps 33–34).",
  book: 'ch05 §5.1–5.3, DeZero steps 33–34',
  note: {
    source: 'note 002, Taylor expansion',
    quote:
      "Taylor expansion을 사용하여 근사하기\n$f(x+h) = f(x) + hf'(x) + \\frac{h^2}{2}f''(x) + \\cdots$\n1st derivative term만 사용해 근사하면 $L(\\theta + \\Delta\\theta)$ 는 다음과 같이 근사",
  },
  needsMnist: false,
  run(_context: ExperimentContext): ExperimentResult {
    const { dy, d2y } = quarticDerivatives(2);
    const newton = [2];
    while (newton.length < 20 && Math.abs(newton[newton.length - 1] - 1) >= TOLERANCE / 100) {
      const d = quarticDerivatives(newton[newton.length - 1]);
      newton.push(newton[newton.length - 1] - d.dy / d.d2y);
    }
    const lr = 0.01;
    const descent = [2];
    while (descent.length < 10_000 && Math.abs(descent[descent.length - 1] - 1) >= TOLERANCE) {
      const x = descent[descent.length - 1];
      descent.push(x - lr * quarticDerivatives(x).dy);
    }
    const stepsTo = (xs: number[]) => xs.findIndex((x) => Math.abs(x - 1) < TOLERANCE);
    const newtonSteps = stepsTo(newton);
    const descentSteps = stepsTo(descent);
    const f = (x: number) => x ** 4 - 2 * x ** 2;
    const curve = Array.from({ length: 121 }, (_, i) => 0.4 + (1.8 * i) / 120);
    const shown = descent.slice(0, 40);
    const iterates = lineChart(
      [
        { name: 'y = x⁴ − 2x²', x: curve, y: curve.map(f) },
        { name: "Newton's method", x: newton, y: newton.map(f), points: true },
        {
          name: 'descent, first 40',
          x: shown,
          y: shown.map(f),
          points: true,
          strokeDash: [4, 3],
        },
      ],
      { title: 'Iterates from x = 2', xLabel: 'x', yLabel: 'y' },
    );
    const index = (xs: number[]) => xs.map((_, i) => i);
    const convergence = lineChart(
      [
        {
          name: "Newton's method",
          x: index(newton),
          y: newton.map((x) => Math.abs(x - 1)),
          points: true,
        },
        {
          name: 'descent, lr 0.01',
          x: index(descent),
          y: descent.map((x) => Math.abs(x - 1)),
        },
      ],
      {
        title: 'Distance to the minimum x = 1',
        xLabel: 'step',
        yLabel: '|x − 1| (log)',
        yScale: 'log',
      },
    );
    return {
      figures: [
        {
          name: 'iterates',
          caption:
            "Newton's steps use y″ (from backward through backward) to jump to the minimum; gradient descent creeps down the slope.",
          spec: iterates,
        },
        {
          name: 'convergence',
          caption:
            "Newton's error squares at each step (quadratic convergence); gradient descent's shrinks by a constant factor (linear).",
          spec: convergence,
        },
      ],
      key: [
        { label: 'y′(2), y″(2)', value: `${dy}, ${d2y}` },
        { label: "Newton's steps to |x − 1| < 1e-10", value: newtonSteps },
        { label: 'gradient-descent steps (lr 0.01)', value: descentSteps },
      ],
      numbers: {
        dy,
        d2y,
        newton,
        newtonSteps,
        descentSteps,
        learningRate: lr,
        tolerance: TOLERANCE,
        descentAfter124: descent[124] ?? null,
      },
    };
  },
};
