import { numericalDiff } from '../numerical/numerical-diff.js';
import { numericalGradient } from '../numerical/numerical-gradient.js';
import { barChart } from '../plot/bar-chart.js';
import { contourChart } from '../plot/contour-chart.js';
import { tensor } from '../tensor/creation.js';
import {
  bySize,
  type Experiment,
  type ExperimentContext,
  type ExperimentResult,
} from './experiment.js';

/** f(x1, x2) = x1³ + 7x1² + 8x2³ − 2x2 + 7, the note's example; ∂f/∂x1 = 3x1² + 14x1, ∂f/∂x2 = 24x2² − 2. */
export function noteCubic(x1: number, x2: number): number {
  return x1 ** 3 + 7 * x1 * x1 + 8 * x2 ** 3 - 2 * x2 + 7;
}

/** g(x1, x2) = 3x1²x2 − x1x2³, the function whose partials the note actually wrote down. */
export function notePartialsSource(x1: number, x2: number): number {
  return 3 * x1 * x1 * x2 - x1 * x2 ** 3;
}

/**
 * total-derivative: partial against total change. For f = x1³ + 7x1² + 8x2³ − 2x2 + 7 at (1, 1),
 * f = 21 and the partials are 17 and 22 (central differences: 17.00000001, 22.00000008). Moving
 * both coordinates by (dx1, dx2) = (0.01, 0.02) changes f by about the total differential
 * df = 17·0.01 + 22·0.02 = 0.61 (actual Δf = 0.620665); a partial alone counts one axis (0.17).
 * The note's f1 = 6x1x2 − x2³ and f2 = 3x1² − 3x1x2² are the partials of 3x1²x2 − x1x2³, not of f.
 * Book: numerical_diff and the partial derivatives of ch04 §4.2.3.
 * @example totalDerivativeExperiment.run({ size: 'tiny', seed: 0 }).numbers.f; // → 21
 */
export const totalDerivativeExperiment: Experiment = {
  name: 'total-derivative',
  title: 'Partial and total derivatives',
  claim:
    'A partial derivative counts the change along one axis, the total differential df = ∂f/∂x1·dx1 + ∂f/∂x2·dx2 the change along all of them: for f = x1³ + 7x1² + 8x2³ − 2x2 + 7 at (1, 1) the partials are 17 and 22, and the move (0.01, 0.02) changes f by 0.620665 ≈ 0.61 = 17·0.01 + 22·0.02 (ch04 §4.2.3).',
  book: 'ch04 §4.2.3',
  note: {
    source: 'note 003, 미분과 기울기 (전미분과 편미분의 기하학적 의미)',
    quote:
      'y = f(x1, x2) = x1³ + 7x1² + 8x2³ − 2x2 + 7 … (1)\n편미분 -> 선택한 축 이외의 변화량은 무시\n전미분 -> 모든 축에 대한 변화량을 포함',
  },
  needsMnist: false,
  run(context: ExperimentContext): ExperimentResult {
    const at: readonly [number, number] = [1, 1];
    const move: readonly [number, number] = [0.01, 0.02];
    const f = noteCubic(at[0], at[1]);
    const d1 = numericalDiff((v) => noteCubic(v, at[1]), at[0]);
    const d2 = numericalDiff((v) => noteCubic(at[0], v), at[1]);
    const gradient = Array.from(
      numericalGradient((x) => noteCubic(x.data[0]!, x.data[1]!), tensor([...at])).data,
    );
    const exact = [3 * at[0] ** 2 + 14 * at[0], 24 * at[1] ** 2 - 2];
    const partial1 = exact[0]! * move[0];
    const partial2 = exact[1]! * move[1];
    const totalDifferential = partial1 + partial2;
    const actual = noteCubic(at[0] + move[0], at[1] + move[1]) - f;
    const alongX1 = noteCubic(at[0] + move[0], at[1]) - f;
    const alongX2 = noteCubic(at[0], at[1] + move[1]) - f;

    // The note's f1, f2 at (1, 1), and the partials of the function they belong to at (1, 2).
    const noteF1 = 6 * at[0] * at[1] - at[1] ** 3;
    const noteF2 = 3 * at[0] ** 2 - 3 * at[0] * at[1] ** 2;
    const g1 = numericalDiff((v) => notePartialsSource(v, 2), 1);
    const g2 = numericalDiff((v) => notePartialsSource(1, v), 2);

    const n = bySize(context.size, { tiny: 15, fast: 41, full: 81 });
    const lin = (lo: number, hi: number) =>
      Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
    const x0 = lin(0.98, 1.03);
    const x1 = lin(0.98, 1.03);
    const grid = { x0, x1, z: x1.map((b) => x0.map((a) => noteCubic(a, b))) };
    const end: [number, number] = [at[0] + move[0], at[1] + move[1]];
    return {
      figures: [
        {
          name: 'moves',
          caption: `Level lines of f near (1, 1) (f = 21). Moving x1 alone by 0.01 changes f by ${alongX1.toFixed(6)} (the partial's share, 17·0.01 = 0.17), x2 alone by 0.02 by ${alongX2.toFixed(6)} (22·0.02 = 0.44); the diagonal move changes it by ${actual.toFixed(6)}, which the total differential predicts as 0.61. The note's f1 and f2 are the partials of 3x1²x2 − x1x2³, not of this f.`,
          spec: contourChart(
            grid,
            { title: 'Partial moves and the total move', xLabel: 'x1', yLabel: 'x2', levels: 12 },
            [
              { name: 'dx1 only (partial)', points: [[...at], [end[0], at[1]]] },
              { name: 'dx2 only (partial)', points: [[...at], [at[0], end[1]]] },
              { name: '(dx1, dx2) (total)', points: [[...at], end] },
            ],
          ),
        },
        {
          name: 'contributions',
          caption: `The total differential adds the partial contributions: 17·0.01 + 22·0.02 = ${totalDifferential.toFixed(2)}, against the actual change ${actual.toFixed(6)} (the rest is second order in the step).`,
          spec: barChart(
            ['∂f/∂x1·dx1', '∂f/∂x2·dx2', 'df (total)', 'actual Δf'],
            [partial1, partial2, totalDifferential, actual],
            {
              title: 'Change of f for (dx1, dx2) = (0.01, 0.02)',
              xLabel: 'term',
              yLabel: 'change of f',
              valueFormat: '.6f',
              highlight: 3,
            },
          ),
        },
      ],
      key: [
        { label: 'f(1, 1)', value: f },
        { label: '∂f/∂x1 at (1, 1), central difference (exact 17)', value: d1 },
        { label: '∂f/∂x2 at (1, 1), central difference (exact 22)', value: d2 },
        { label: 'total differential df for (0.01, 0.02)', value: totalDifferential },
        { label: 'actual Δf', value: actual },
        { label: "the note's f1, f2 at (1, 1) (not 17, 22)", value: `${noteF1}, ${noteF2}` },
      ],
      numbers: {
        point: [...at],
        f,
        partials: [d1, d2],
        exactPartials: exact,
        numericalGradient: gradient,
        move: [...move],
        partialContributions: [partial1, partial2],
        totalDifferential,
        actualChange: actual,
        changeAlongX1: alongX1,
        changeAlongX2: alongX2,
        noteF1At11: noteF1,
        noteF2At11: noteF2,
        partialsOfNoteSourceAt12: [g1, g2],
      },
    };
  },
};
