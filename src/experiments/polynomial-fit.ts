import { lineChart } from '../plot/line-chart.js';
import { scatterChart } from '../plot/scatter-chart.js';
import { createRng } from '../tensor/rng.js';
import {
  bySize,
  type Experiment,
  type ExperimentContext,
  type ExperimentResult,
} from './experiment.js';

/**
 * Least squares min ‖A·c − y‖² by Householder QR (stable where the normal equations AᵀA·c = Aᵀy
 * lose half the digits: a degree-9 Vandermonde matrix has a condition number near 1e8).
 * Shapes: A (m, n) as rows with m ≥ n, y (m) → c (n).
 */
export function leastSquares(rows: readonly (readonly number[])[], y: readonly number[]): number[] {
  const m = rows.length;
  const n = rows[0]!.length;
  const a = rows.map((r) => Float64Array.from(r));
  const b = Float64Array.from(y);
  for (let k = 0; k < n; k++) {
    let norm = 0;
    for (let i = k; i < m; i++) norm += a[i]![k]! ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) continue;
    const alpha = a[k]![k]! > 0 ? -norm : norm;
    // v = x − αe₁, reflect the remaining columns and b by H = I − 2vvᵀ/(vᵀv).
    const v = new Float64Array(m - k);
    for (let i = k; i < m; i++) v[i - k] = a[i]![k]!;
    v[0]! -= alpha;
    let vv = 0;
    for (const e of v) vv += e * e;
    for (let j = k; j < n; j++) {
      let dot = 0;
      for (let i = k; i < m; i++) dot += v[i - k]! * a[i]![j]!;
      const s = (2 * dot) / vv;
      for (let i = k; i < m; i++) a[i]![j]! -= s * v[i - k]!;
    }
    let dot = 0;
    for (let i = k; i < m; i++) dot += v[i - k]! * b[i]!;
    const s = (2 * dot) / vv;
    for (let i = k; i < m; i++) b[i]! -= s * v[i - k]!;
  }
  const c = new Array<number>(n).fill(0);
  for (let k = n - 1; k >= 0; k--) {
    let s = b[k]!;
    for (let j = k + 1; j < n; j++) s -= a[k]![j]! * c[j]!;
    c[k] = s / a[k]![k]!;
  }
  return c;
}

/** p(x) = Σₖ cₖ xᵏ by Horner's rule. */
export function polynomial(c: readonly number[], x: number): number {
  let s = 0;
  for (let k = c.length - 1; k >= 0; k--) s = s * x + c[k]!;
  return s;
}

/** The mean of (p(xᵢ) − yᵢ)². */
function mse(c: readonly number[], xs: readonly number[], ys: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (polynomial(c, xs[i]!) - ys[i]!) ** 2;
  return s / xs.length;
}

/**
 * polynomial-fit: the over-fitting picture. Least-squares polynomials of degree 0 to 9 on 10
 * noisy points of sin 2πx (σ = 0.2). Degree 9 passes through every point (training MSE ≈ 0) and
 * swings between them, so its MSE on fresh points from the same curve is above degree 3's.
 * Book: overfitting, ch06 §6.4.1 (the polynomial picture the notes borrow).
 * @example polynomialFitExperiment.run({ size: 'tiny', seed: 0 }).numbers.degrees; // → [1, 3, 9]
 */
export const polynomialFitExperiment: Experiment = {
  name: 'polynomial-fit',
  title: 'Over-fitting a polynomial',
  claim:
    'A model too complex for its data fits the training points and fails elsewhere: on 10 noisy points of sin 2πx, the degree-9 least-squares polynomial has training error ≈ 0 but a test error above the degree-3 fit’s (the notes’ over-fitting picture; ch06 §6.4.1).',
  book: 'ch06 §6.4.1',
  note: {
    source: 'note 003, 오버피팅',
    quote:
      'Overfitting은 학습 데이터(Training Set)에 대해 과하게 학습된 상황입니다. … 학습 데이터가 부족하거나, 데이터의 특성에 비해 모델이 너무 복잡한 경우 발생합니다.',
  },
  needsMnist: false,
  run(context: ExperimentContext): ExperimentResult {
    const rng = createRng(context.seed);
    const truth = (x: number): number => Math.sin(2 * Math.PI * x);
    const sigma = 0.2;
    const trainX = Array.from({ length: 10 }, (_, i) => i / 9);
    const trainY = trainX.map((x) => truth(x) + sigma * rng.normal());
    const testN = bySize(context.size, { tiny: 200, fast: 1000, full: 10_000 });
    const testX = Array.from({ length: testN }, () => rng.next());
    const testY = testX.map((x) => truth(x) + sigma * rng.normal());

    const allDegrees = Array.from({ length: 10 }, (_, d) => d);
    const fits = allDegrees.map((d) =>
      leastSquares(
        trainX.map((x) => Array.from({ length: d + 1 }, (_, k) => x ** k)),
        trainY,
      ),
    );
    const trainMse = fits.map((c) => mse(c, trainX, trainY));
    const testMse = fits.map((c) => mse(c, testX, testY));
    const degrees = [1, 3, 9];
    const grid = Array.from({ length: 201 }, (_, i) => i / 200);
    return {
      figures: [
        {
          name: 'fits',
          caption: `Least-squares polynomials through 10 noisy points of sin 2πx: degree 1 is too simple, degree 3 follows the curve, degree 9 passes through every point (training MSE ${trainMse[9]!.toExponential(1)}) and swings between them (test MSE ${testMse[9]!.toFixed(3)} against ${testMse[3]!.toFixed(3)} for degree 3).`,
          spec: scatterChart(
            [
              { name: 'training points', x: trainX, y: trainY, size: 60, opacity: 1 },
              { name: 'sin 2πx', x: grid, y: grid.map(truth), mark: 'line', strokeDash: [6, 4] },
              ...degrees.map((d) => ({
                name: `degree ${d}`,
                x: grid,
                y: grid.map((x) => polynomial(fits[d]!, x)),
                mark: 'line' as const,
              })),
            ],
            {
              title: 'Polynomial fits of degree 1, 3 and 9',
              xLabel: 'x',
              yLabel: 'y',
              yDomain: [-1.6, 1.6],
            },
          ),
        },
        {
          name: 'error-vs-degree',
          caption:
            'Training and test MSE against the degree: the training error falls to 0 at degree 9 (as many coefficients as points; drawn at the axis floor 1e-12), the test error is lowest near degree 3 and climbs after it.',
          spec: lineChart(
            [
              { name: 'training MSE', x: allDegrees, y: trainMse.map((v) => Math.max(v, 1e-12)) },
              { name: 'test MSE', x: allDegrees, y: testMse },
            ],
            {
              title: 'Error against model complexity',
              xLabel: 'degree',
              yLabel: 'MSE',
              yScale: 'log',
              xIntegerTicks: true,
              points: true,
              legend: 'bottom-left',
            },
          ),
        },
      ],
      key: degrees.flatMap((d) => [
        { label: `degree ${d}: training MSE`, value: trainMse[d]! },
        { label: `degree ${d}: test MSE`, value: testMse[d]! },
      ]),
      numbers: {
        noiseStd: sigma,
        trainPoints: trainX.length,
        testPoints: testN,
        degrees,
        trainMse,
        testMse,
        coefficients: degrees.map((d) => fits[d]!),
      },
    };
  },
};
