import { gradientDescent } from '../numerical/gradient-descent.js';
import { contourChart } from '../plot/contour-chart.js';
import { lineChart } from '../plot/line-chart.js';
import {
  bySize,
  type Experiment,
  type ExperimentContext,
  type ExperimentResult,
} from './experiment.js';
import { function2, function2Grid } from './function-2.js';

/** The book's start point of gradient descent on function_2. */
export const DESCENT_START: readonly [number, number] = [-3, 4];

/**
 * gradient-descent: the path of x ← x − 0.1·∇f(x) from (−3, 4) over the level lines of
 * f(x0, x1) = x0² + x1² (20 steps, as gradient_method.py draws it), and f along the path.
 * Key number: after 100 steps x = [-6.111107928998789e-10, 8.148143905314271e-10].
 * Book: gradient_descent, gradient_method.py, fig 4-10, ch04 §4.4.1.
 * @example gradientDescentExperiment.run({ size: 'tiny', seed: 0 }).numbers.finalAfter100; // → [-6.11e-10, 8.15e-10]
 */
export const gradientDescentExperiment: Experiment = {
  name: 'gradient-descent',
  title: 'Gradient descent',
  claim:
    'Repeating x ← x − η·∇f(x) with η = 0.1 from (−3, 4) walks straight down to the minimum of f(x0, x1) = x0² + x1², shrinking the distance by 0.8 per step: after 100 steps x = (−6.1e-10, 8.1e-10) (ch04 §4.4.1).',
  book: 'ch04 §4.4.1',
  note: {
    source: 'note 001, 경사법(경사 하강법)',
    quote:
      '경사법은 현 위치에서 기울어진 방향으로 일정 거리만큼 이동한다.\n그런 다음 이동한 곳에서도 마찬가지로 기울기를 구하고, 또 그 기울어진 방향으로 나아가기를 반복한다.\n…\n# array([ -6.11110793e-10, 8.14814391e-10])',
  },
  needsMnist: false,
  run(context: ExperimentContext): ExperimentResult {
    const n = bySize(context.size, { tiny: 11, fast: 41, full: 81 });
    const drawn = gradientDescent(function2, [...DESCENT_START], { lr: 0.1, stepNum: 20 });
    const long = gradientDescent(function2, [...DESCENT_START], { lr: 0.1, stepNum: 100 });
    const points = drawn.history.map((p) => [p[0]!, p[1]!] as const);
    const values = long.history.map((p) => p[0]! * p[0]! + p[1]! * p[1]!);
    const steps = values.map((_, i) => i);
    const finalAfter100 = Array.from(long.x.data);
    return {
      figures: [
        {
          name: 'path',
          caption:
            'Twenty steps of gradient descent with η = 0.1 from (−3, 4) (book fig 4-10): each step goes against the gradient, perpendicular to the level lines, and the steps shrink as the slope flattens near the minimum.',
          spec: contourChart(
            function2Grid(-4.5, 4.5, n),
            {
              title: 'Gradient descent on f = x0² + x1², η = 0.1',
              xLabel: 'x0',
              yLabel: 'x1',
              levels: [1, 4, 9, 16, 25, 36],
            },
            [{ name: 'η = 0.1, 20 steps', points }],
          ),
        },
        {
          name: 'value-per-step',
          caption:
            'f(x) along 100 steps on a log axis: a straight line, because each step multiplies x by 1 − 2η = 0.8 and f by 0.64, until f reaches about 1e-18.',
          spec: lineChart([{ name: 'f(x)', x: steps, y: values }], {
            title: 'f(x) per step of gradient descent (η = 0.1)',
            xLabel: 'step',
            yLabel: 'f(x) (log)',
            yScale: 'log',
          }),
        },
      ],
      key: [
        { label: 'x after 100 steps', value: `[${finalAfter100.join(', ')}]` },
        { label: 'x after 20 steps', value: `[${Array.from(drawn.x.data).join(', ')}]` },
        { label: 'f after 100 steps', value: values[values.length - 1]! },
      ],
      numbers: {
        start: [...DESCENT_START],
        learningRate: 0.1,
        finalAfter100,
        finalAfter20: Array.from(drawn.x.data),
        path20: drawn.history.map((p) => [...p]),
        valuePerStep: values,
      },
    };
  },
};
