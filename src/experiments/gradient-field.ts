import { numericalGradient } from '../numerical/numerical-gradient.js';
import { vectorFieldChart, type Arrow } from '../plot/vector-field-chart.js';
import { tensor } from '../tensor/creation.js';
import {
  bySize,
  type Experiment,
  type ExperimentContext,
  type ExperimentResult,
} from './experiment.js';
import { function2 } from './function-2.js';

/**
 * gradient-field: the negative gradient of f(x0, x1) = x0² + x1² by central differences on the
 * book's grid (np.arange(-2, 2.5, 0.25) on both axes), drawn as arrows: every arrow points to the
 * minimum and is longer where f is steeper.
 * Key numbers: ∇f at (3, 4), (0, 2), (3, 0) = (6, 8), (0, 4), (6, 0).
 * Book: gradient_2d.py, fig 4-9, ch04 §4.4.
 * @example gradientFieldExperiment.run({ size: 'tiny', seed: 0 }).numbers.gradientAt // { '(3, 4)': [6.00…, 7.99…], … }
 */
export const gradientFieldExperiment: Experiment = {
  name: 'gradient-field',
  title: 'The gradient as a vector field',
  claim:
    'The negative gradient points, at every point, in the direction that lowers the function fastest, here towards the minimum of f(x0, x1) = x0² + x1², and its length grows with the slope; ∇f at (3, 4), (0, 2) and (3, 0) is (6, 8), (0, 4) and (6, 0) (ch04 §4.4).',
  book: 'ch04 §4.4',
  note: {
    source: 'note 001, 기울기',
    quote:
      '세 점 (3,4) , (0,2), (3,0) 에서의 기울기는 위와 같다.\n…\n각 기울기는 각 지점에서 낮아지는 방향을 가리킨다.\n기울기가 가리키는 쪽은 각 장소에서 함수의 출력 값을 가장 크게 줄이는 방향이다.',
  },
  needsMnist: false,
  run(context: ExperimentContext): ExperimentResult {
    const step = bySize(context.size, { tiny: 0.5, fast: 0.25, full: 0.125 });
    const axis: number[] = [];
    for (let v = -2; v < 2.5 - 1e-9; v += step) axis.push(Math.round(v / step) * step);
    const arrows: Arrow[] = [];
    const x = tensor([0, 0]);
    for (const x1 of axis) {
      for (const x0 of axis) {
        x.data[0] = x0;
        x.data[1] = x1;
        const g = numericalGradient(function2, x).data;
        arrows.push({ x: x0, y: x1, dx: -g[0]!, dy: -g[1]! });
      }
    }
    const gradientAt: Record<string, number[]> = {};
    for (const p of [
      [3, 4],
      [0, 2],
      [3, 0],
    ] as const) {
      gradientAt[`(${p[0]}, ${p[1]})`] = Array.from(
        numericalGradient(function2, tensor([...p])).data,
      );
    }
    const longest = Math.max(...arrows.map((a) => Math.hypot(a.dx, a.dy)));
    return {
      figures: [
        {
          name: 'negative-gradient',
          caption: `−∇f of f = x0² + x1² on a ${axis.length} × ${axis.length} grid (step ${step}): every arrow points to the minimum at the origin, and arrows are longer far from it, where f is steeper (book fig 4-9).`,
          spec: vectorFieldChart(arrows, {
            title: 'The negative gradient −∇f of f(x0, x1) = x0² + x1²',
            xLabel: 'x0',
            yLabel: 'x1',
            xDomain: [-2, 2],
            yDomain: [-2, 2],
          }),
        },
      ],
      key: Object.entries(gradientAt).map(([p, g]) => ({
        label: `∇f at ${p}`,
        value: `[${g.join(', ')}]`,
      })),
      numbers: {
        gridStep: step,
        gridSize: axis.length,
        arrows: arrows.length,
        longestArrow: longest,
        gradientAt,
      },
    };
  },
};
