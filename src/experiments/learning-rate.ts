import { gradientDescent } from '../numerical/gradient-descent.js';
import { lineChart } from '../plot/line-chart.js';
import type { Experiment, ExperimentResult, JsonValue } from './experiment.js';
import { function2 } from './function-2.js';
import { DESCENT_START } from './gradient-descent.js';

/** The learning rates compared, largest first: the book's 10, 0.1, 0.01 and 1e-10, and two between. */
export const LEARNING_RATES: readonly number[] = [10, 1, 0.95, 0.1, 0.01, 1e-10];

/**
 * learning-rate: the same descent from (−3, 4) on x0² + x1² with η = 10 (overshoot, divergence),
 * 1 (bounces forever), 0.95 (zigzags in), 0.1, 0.01 and 1e-10 (no progress), 100 steps each.
 * Key numbers: the final points, e.g. η = 10 → [-2.58983747e+13, -1.29524862e+12] and η = 1e-10 →
 * [-2.99999994, 3.99999992], the book's values.
 * Book: gradient_method.py with other lr, ch04 §4.4.1 (too large a learning rate diverges, too small
 * barely moves).
 * @example learningRateExperiment.run({ size: 'tiny', seed: 0 }).numbers.runs
 */
export const learningRateExperiment: Experiment = {
  name: 'learning-rate',
  title: 'Learning rate: too large, too small',
  claim:
    'The learning rate decides whether gradient descent works: on x0² + x1² from (−3, 4), η = 10 overshoots and ends 10¹³ away, η = 1e-10 barely moves in 100 steps, and only a middle value such as 0.1 reaches the minimum (ch04 §4.4.1).',
  book: 'ch04 §4.4.1',
  note: {
    source: 'note 001, 경사법(경사 하강법)',
    quote:
      '한 번의 학습으로 얼마만큼 학습해야할지, 즉 매개변수 값을 얼마나 갱신하느냐를 정하는 것이 학습률이다.\n…\n일반적으로 값이 너무 크거나 작으면 좋은 장소를 찾아갈 수 없다.\n보통 이 학습률 값을 변경하면서 올바르게 학습하고 있는지를 확인하면서 진행한다.',
  },
  needsMnist: false,
  run(): ExperimentResult {
    const stepNum = 100;
    const start = Math.hypot(...DESCENT_START);
    const runs = LEARNING_RATES.map((lr) => {
      const { x, history } = gradientDescent(function2, [...DESCENT_START], { lr, stepNum });
      const distance = history.map((p) => Math.hypot(p[0]!, p[1]!));
      return { lr, final: Array.from(x.data), history, distance };
    });
    const label = (lr: number): string => `η = ${lr}`;
    const steps = Array.from({ length: stepNum + 1 }, (_, i) => i);
    const drawnSteps = 20;
    const summaries: JsonValue[] = runs.map((r) => ({
      learningRate: r.lr,
      final: r.final,
      finalDistance: r.distance[stepNum]!,
      distanceRatio: r.distance[stepNum]! / start,
    }));
    return {
      figures: [
        {
          name: 'iterates',
          caption: `x0 for the first ${drawnSteps} steps from (−3, 4) (every step moves along the line through the start and the minimum, so x0 tells the whole story). η = 10 overshoots off the chart at the first step (x0 = 57); η = 1 bounces between −3 and 3 forever; η = 0.95 overshoots each time but less and less; η = 0.1 walks straight in; η = 0.01 crawls and η = 1e-10 does not move.`,
          spec: lineChart(
            runs.map((r) => ({
              name: label(r.lr),
              // Up to the first point off the chart: η = 10 reaches 1e13, too far for the renderer to clip.
              x: steps.slice(0, onChart(r.history, drawnSteps)),
              y: r.history.slice(0, onChart(r.history, drawnSteps)).map((p) => p[0]!),
              points: true,
              ...(r.lr === 1 ? { strokeDash: [6, 4] } : {}),
            })),
            {
              title: 'The first steps of gradient descent for each η',
              xLabel: 'step',
              yLabel: 'x0',
              yDomain: [-4, 4],
              legend: 'right',
            },
          ),
        },
        {
          name: 'distance-per-step',
          caption:
            'Distance to the minimum per step (log axis). Each step multiplies it by |1 − 2η|: 19 for η = 10 until, at |x| ≈ 10¹³, x + h == x for h = 1e-4 and the numerical gradient rounds to 0, which freezes it; 1 for η = 1, 0.9 for η = 0.95, 0.8 for η = 0.1, 0.98 for η = 0.01, and 1 − 2e-10 for η = 1e-10.',
          spec: lineChart(
            runs.map((r) => ({
              name: label(r.lr),
              x: steps,
              y: r.distance,
              ...(r.lr === 1 ? { strokeDash: [6, 4] } : {}),
            })),
            {
              title: 'Distance to the minimum per step',
              xLabel: 'step',
              yLabel: '‖x‖ (log)',
              yScale: 'log',
              legend: 'right',
            },
          ),
        },
      ],
      key: runs.map((r) => ({
        label: `${label(r.lr)}: x after ${stepNum} steps`,
        value: `[${r.final.map((v) => v.toPrecision(9)).join(', ')}] (distance ${(r.distance[stepNum]! / start).toPrecision(3)}× the start)`,
      })),
      numbers: { start: [...DESCENT_START], startDistance: start, stepNum, runs: summaries },
    };
  },
};

/** How many leading points to draw: up to `steps` + 1, stopping after the first with |x0| > 4. */
function onChart(history: readonly (readonly number[])[], steps: number): number {
  const off = history.findIndex((p) => Math.abs(p[0]!) > 4);
  return off < 0 ? steps + 1 : Math.min(off + 1, steps + 1);
}
