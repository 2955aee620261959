import { numericalDiff } from '../numerical/numerical-diff.js';
import { numericalGradient } from '../numerical/numerical-gradient.js';
import { contourChart } from '../plot/contour-chart.js';
import { lineChart } from '../plot/line-chart.js';
import { SERIES_COLORS } from '../plot/palette.js';
import { tensor } from '../tensor/creation.js';
import {
  bySize,
  type Experiment,
  type ExperimentContext,
  type ExperimentResult,
} from './experiment.js';
import { function2, function2Grid } from './function-2.js';

/**
 * partial-derivatives: f(x0, x1) = x0² + x1² as a contour map with the slices x1 = 4 and x0 = 3
 * through (3, 4), and the two slices as functions of one variable with their tangents.
 * Key numbers: ∂f/∂x0 = 6.00000000000378 and ∂f/∂x1 = 7.999999999999119 at (3, 4).
 * Book: function_tmp1 / function_tmp2, ch04 §4.3.3.
 * @example partialDerivativesExperiment.run({ size: 'tiny', seed: 0 }).numbers.dfdx0; // → 6.00000000000378
 */
export const partialDerivativesExperiment: Experiment = {
  name: 'partial-derivatives',
  title: 'Partial derivatives',
  claim:
    'A partial derivative is the ordinary derivative of the function with every other variable held fixed: at (3, 4), f(x0, x1) = x0² + x1² has ∂f/∂x0 = 6.00000000000378 and ∂f/∂x1 = 7.999999999999119 by central differences (true 6 and 8) (ch04 §4.3.3).',
  book: 'ch04 §4.3.3',
  note: {
    source: 'note 001, 편미분',
    quote:
      '문제 1에서는 x_1 = 4로 고정된 새로운 함수를 정의하고, 변수가 x_0 에 대해 수치 미분 함수를 적용했다.\n이렇게 구한 문제 1의 결과는 6.0000...\n문제 2의 결과는 7.99999...\n편미분은 목표 변수를 제외한 나머지를 특정 값에 고정',
  },
  needsMnist: false,
  run(context: ExperimentContext): ExperimentResult {
    const n = bySize(context.size, { tiny: 11, fast: 41, full: 81 });
    // The book's function_tmp1 (x1 fixed at 4) and function_tmp2 (x0 fixed at 3).
    const slice0 = (x0: number): number => x0 * x0 + 4.0 ** 2;
    const slice1 = (x1: number): number => 3.0 ** 2 + x1 * x1;
    const dfdx0 = numericalDiff(slice0, 3);
    const dfdx1 = numericalDiff(slice1, 4);
    const gradient = Array.from(numericalGradient(function2, tensor([3, 4])).data);
    const contour = contourChart(
      function2Grid(-5, 5, n),
      {
        title: 'f(x0, x1) = x0² + x1² and two slices through (3, 4)',
        xLabel: 'x0',
        yLabel: 'x1',
        levels: [1, 4, 9, 16, 25, 36, 49],
      },
      [
        {
          name: 'x1 = 4 (vary x0)',
          points: [
            [-5, 4],
            [3, 4],
            [5, 4],
          ],
        },
        {
          name: 'x0 = 3 (vary x1)',
          points: [
            [3, -5],
            [3, 4],
            [3, 5],
          ],
        },
      ],
    );
    const xs = Array.from({ length: 101 }, (_, i) => -5 + i / 10);
    const tangent = (f: (v: number) => number, at: number, slope: number) =>
      [-5, 5].map((v) => f(at) + slope * (v - at));
    const slices = lineChart(
      [
        { name: 'f(x0, 4) against x0', x: xs, y: xs.map(slice0) },
        { name: 'f(3, x1) against x1', x: xs, y: xs.map(slice1) },
        {
          name: 'tangent at x0 = 3',
          x: [-5, 5],
          y: tangent(slice0, 3, dfdx0),
          strokeDash: [6, 4],
          color: SERIES_COLORS[0],
        },
        {
          name: 'tangent at x1 = 4',
          x: [-5, 5],
          y: tangent(slice1, 4, dfdx1),
          strokeDash: [6, 4],
          color: SERIES_COLORS[1],
        },
      ],
      {
        title: 'The slices as functions of one variable',
        xLabel: 'the varied variable (x0 or x1)',
        yLabel: 'f',
        xDomain: [-5, 5],
        yDomain: [0, 45],
        legend: 'top-left',
      },
    );
    return {
      figures: [
        {
          name: 'contour',
          caption:
            'Level lines of f = x0² + x1² (circles f = 1, 4, …, 49) with the two lines through (3, 4) along which one variable moves and the other stays fixed.',
          spec: contour,
        },
        {
          name: 'slices',
          caption: `Along x1 = 4, f is x0² + 16 with slope ${dfdx0} at x0 = 3; along x0 = 3, f is 9 + x1² with slope ${dfdx1} at x1 = 4. Those slopes are the partial derivatives.`,
          spec: slices,
        },
      ],
      key: [
        { label: '∂f/∂x0 at (3, 4)', value: dfdx0 },
        { label: '∂f/∂x1 at (3, 4)', value: dfdx1 },
        { label: 'numericalGradient at (3, 4)', value: `[${gradient.join(', ')}]` },
      ],
      numbers: {
        point: [3, 4],
        dfdx0,
        dfdx1,
        exact: [6, 8],
        numericalGradient: gradient,
        gridSize: n,
      },
    };
  },
};
