import { numericalDiff } from '../numerical/numerical-diff.js';
import { functionChart } from '../plot/function-chart.js';
import { lineChart } from '../plot/line-chart.js';
import {
  bySize,
  type Experiment,
  type ExperimentContext,
  type ExperimentResult,
} from './experiment.js';

/** The book's function_1: f(x) = 0.01x² + 0.1x, so f′(x) = 0.02x + 0.1. */
export const function1 = (x: number): number => 0.01 * x ** 2 + 0.1 * x;

/** f′ of {@link function1}, exactly. */
const function1Slope = (x: number): number => 0.02 * x + 0.1;

/** function_1 evaluated in float32 arithmetic (every intermediate rounded, as np.float32 would). */
function function1F32(x: number): number {
  const f = Math.fround;
  return f(f(f(0.01) * f(x * x)) + f(f(0.1) * x));
}

/** A finite difference evaluated in float32: x, h, x ± h and the quotient rounded to float32. */
function diffF32(x: number, h: number, method: 'central' | 'forward'): number {
  const f = Math.fround;
  const x32 = f(x);
  const h32 = f(h);
  if (method === 'forward') return f(f(function1F32(f(x32 + h32)) - function1F32(x32)) / h32);
  return f(f(function1F32(f(x32 + h32)) - function1F32(f(x32 - h32))) / f(2 * h32));
}

/**
 * numerical-diff: f(x) = 0.01x² + 0.1x with its tangents at x = 5 and 10 from the central
 * difference, and the error of forward vs central differences in float64 and float32 as h shrinks.
 * Key numbers: the slopes 0.1999999999990898 and 0.2999999999986347 (true 0.2 and 0.3).
 * Book: gradient_1d.py, ch04 §4.3.1–4.3.3.
 * @example numericalDiffExperiment.run({ size: 'tiny', seed: 0 }).numbers.slopeAt5; // → 0.1999999999990898
 */
export const numericalDiffExperiment: Experiment = {
  name: 'numerical-diff',
  title: 'Numerical differentiation',
  claim:
    'The central difference with h = 1e-4 recovers the slope of f(x) = 0.01x² + 0.1x to about 1e-12 (0.1999999999990898 at x = 5, 0.2999999999986347 at x = 10), while a much smaller h loses to rounding and h = 1e-50 gives 0 (ch04 §4.3.1–4.3.3).',
  book: 'ch04 §4.3.1–4.3.3',
  note: {
    source: 'note 001, 수치 미분',
    quote:
      '파이썬에서는 반올림 오차 문제가 있다. 1e-50을 float32형으로 나타내면 0.0이 된다.\n이 미세값을 1e-4 정도로 사용하면 문제 없다.\n…\n이러한 오차를 줄이기 위해 (x+h) 와 (x-h)일때 함수의 차분을 계산해서 쓴다.\n이를 중심차분 또는 중앙차분이라하며\n(x+h) 와 x의 차분은 전방차분이라고 한다.',
  },
  needsMnist: false,
  run(context: ExperimentContext): ExperimentResult {
    const perDecade = bySize(context.size, { tiny: 1, fast: 4, full: 10 });
    const slopeAt5 = numericalDiff(function1, 5);
    const slopeAt10 = numericalDiff(function1, 10);
    const tangents = functionChart(function1, {
      title: 'f(x) = 0.01x² + 0.1x and its tangents',
      xDomain: [0, 20],
      samples: 201,
      tangents: [
        { at: 5, slope: slopeAt5, name: 'tangent at x = 5' },
        { at: 10, slope: slopeAt10, name: 'tangent at x = 10' },
      ],
    });

    // h = 10^-k from 1e-1 to 1e-20; the error is |estimate − f′(5)|.
    const hs: number[] = [];
    for (let k = perDecade; k <= 20 * perDecade; k++) hs.push(10 ** (-k / perDecade));
    const exact = function1Slope(5);
    const errorOf = (d: number): number => Math.abs(d - exact);
    const expError = (h: number, method: 'central' | 'forward'): number =>
      Math.abs(numericalDiff(Math.exp, 1, { h, method }) - Math.E);
    const forward64 = hs.map((h) => errorOf(numericalDiff(function1, 5, { h, method: 'forward' })));
    const central64 = hs.map((h) => errorOf(numericalDiff(function1, 5, { h })));
    const forward32 = hs.map((h) => errorOf(diffF32(5, h, 'forward')));
    const central32 = hs.map((h) => errorOf(diffF32(5, h, 'central')));
    const errors = lineChart(
      [
        { name: 'central, float64', x: hs, y: central64, points: true },
        { name: 'forward, float64', x: hs, y: forward64, points: true },
        { name: 'central, float32', x: hs, y: central32, strokeDash: [6, 4] },
        { name: 'forward, float32', x: hs, y: forward32, strokeDash: [6, 4] },
      ],
      {
        title: 'Error of the numerical derivative of f at x = 5',
        xLabel: 'step h (log)',
        yLabel: '|estimate − 0.2| (log)',
        xScale: 'log',
        yScale: 'log',
        legend: 'bottom-left',
      },
    );
    const expCentral = hs.map((h) => expError(h, 'central'));
    const expForward = hs.map((h) => expError(h, 'forward'));
    const expErrors = lineChart(
      [
        { name: 'central', x: hs, y: expCentral, points: true },
        { name: 'forward', x: hs, y: expForward, points: true },
      ],
      {
        title: 'Error of the numerical derivative of eˣ at x = 1 (float64)',
        xLabel: 'step h (log)',
        yLabel: '|estimate − e| (log)',
        xScale: 'log',
        yScale: 'log',
        legend: 'bottom-left',
      },
    );
    const best = (errs: number[]): number =>
      hs[errs.indexOf(Math.min(...errs.filter((e) => e > 0)))]!;
    const at1e4 = (method: 'central' | 'forward'): number =>
      errorOf(numericalDiff(function1, 5, { h: 1e-4, method }));
    return {
      figures: [
        {
          name: 'tangents',
          caption:
            'f(x) = 0.01x² + 0.1x with the tangent lines whose slopes come from the central difference at x = 5 and x = 10 (book fig 4-7).',
          spec: tangents,
        },
        {
          name: 'error-vs-h',
          caption:
            "Error of the forward and central differences of the book's f at x = 5 as h shrinks. f is quadratic, so the central difference has no truncation error and its error is pure rounding (about ε·|f|/h, growing as h shrinks); the forward difference adds the truncation error 0.01·h. Once x + h == x the estimate is 0 and the error is the whole 0.2: float32 hits that wall below h ≈ 3e-7, float64 below 1e-15.",
          spec: errors,
        },
        {
          name: 'error-vs-h-exp',
          caption:
            'The same for eˣ at x = 1, which has a third derivative: the error is truncation (h/2·f″ forward, h²/6·f‴ central) plus rounding (ε/h), so each curve is a V. The central minimum lies near h ≈ 1e-5 (about ε^⅓), the forward one near 1e-8 (about ε^½): h = 1e-4 is a safe choice for the central difference.',
          spec: expErrors,
        },
      ],
      key: [
        { label: 'slope at x = 5 (h = 1e-4)', value: slopeAt5 },
        { label: 'slope at x = 10 (h = 1e-4)', value: slopeAt10 },
        { label: 'central error at h = 1e-4', value: at1e4('central') },
        { label: 'forward error at h = 1e-4', value: at1e4('forward') },
        {
          label: 'estimate with h = 1e-50 (float64)',
          value: numericalDiff(function1, 5, { h: 1e-50 }),
        },
      ],
      numbers: {
        slopeAt5,
        slopeAt10,
        exactSlopeAt5: exact,
        exactSlopeAt10: function1Slope(10),
        centralErrorAtH1e4: at1e4('central'),
        forwardErrorAtH1e4: at1e4('forward'),
        bestHCentralFloat64: best(central64),
        bestHForwardFloat64: best(forward64),
        bestHCentralFloat32: best(central32),
        bestHCentralExp: best(expCentral),
        bestHForwardExp: best(expForward),
        estimateWithH1e50Float64: numericalDiff(function1, 5, { h: 1e-50 }),
        h1e50AsFloat32: Math.fround(1e-50),
        // h rounds to 0 in float32, so the central quotient is 0/0.
        estimateWithH1e50Float32: String(diffF32(5, 1e-50, 'central')),
        h: hs,
        errorCentralFloat64: central64,
        errorForwardFloat64: forward64,
        errorCentralFloat32: central32,
        errorForwardFloat32: forward32,
        errorCentralExp: expCentral,
        errorForwardExp: expForward,
      },
    };
  },
};
