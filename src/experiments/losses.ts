import { crossEntropyError } from '../losses/cross-entropy-error.js';
import { sumSquaresError } from '../losses/sum-squares-error.js';
import { numericalDiff } from '../numerical/numerical-diff.js';
import { lineChart } from '../plot/line-chart.js';
import {
  bySize,
  type Experiment,
  type ExperimentContext,
  type ExperimentFigure,
  type ExperimentResult,
  type JsonValue,
} from './experiment.js';
import { LOSS_GROUPS, lossCurves, type LossCurve } from './loss-curves.js';

/** Dash patterns by position in a group: solid, dashed, dotted, dash-dot, long dash. */
const DASHES: readonly (readonly number[])[] = [
  [1, 0],
  [8, 4],
  [2, 3],
  [10, 3, 2, 3],
  [14, 6],
];

/** What to see in each group's figures. */
const GROUP_NOTES: Record<string, string> = {
  regression:
    " MSE grows quadratically and its gradient linearly (the book's SSE is half of it); L1 has a constant gradient ±1; Huber and SmoothL1 are quadratic near the target and linear beyond δ or β.",
  score:
    ' BCEWithLogits, CrossEntropy on the logits [0, z] and SoftMargin are the same function log(1 + e^(−z)): their gradient is σ(z) − 1, largest (−1) when the score is confidently wrong. The margin losses stop at zero once the margin 1 is met.',
  probability:
    " BCE, the book's crossEntropyError and NLL on log p are all −log p (the book adds 1e-7), whose gradient −1/p explodes as p → 0; KL divergence is minimal (0) where p matches the target 0.8.",
  count:
    " All three are minimal at λ = 3 = y; full adds Stirling's log y! (a constant shift), and the λ input is the same function of log λ.",
};

/** The largest |backward − numerical| / max(1, |backward| + |numerical|) over the sweep, kinks skipped. */
function gradientCheck(curve: LossCurve, xs: readonly number[]): number {
  let worst = 0;
  for (const v of xs) {
    if (curve.kinks.some((k) => Math.abs(v - k) < 1e-3)) continue;
    const a = curve.gradient(v);
    const n = numericalDiff((u) => curve.value(u), v);
    worst = Math.max(worst, Math.abs(a - n) / Math.max(1, Math.abs(a) + Math.abs(n)));
  }
  return worst;
}

/**
 * losses: every loss of the library (the book's SSE and CE, and the PyTorch-style classes)
 * plotted against its prediction for a fixed target, with its gradient from backward, grouped by
 * what the prediction is (a value, a score, a probability, a log rate). Each backward is checked
 * against the central difference of forward along the sweep.
 * Book: ch04 §4.2 (sum_squares_error, cross_entropy_error); PyTorch torch.nn losses (docs/math.md §3).
 * @example lossesExperiment.run({ size: 'tiny', seed: 0 }).numbers.worstGradientError // < 1e-6
 */
export const lossesExperiment: Experiment = {
  name: 'losses',
  title: 'Every loss and its gradient',
  claim:
    'Each loss turns "how wrong is this prediction" into a number whose gradient tells the prediction which way to move: zero at the target, growing with the error (quadratically for MSE, linearly for L1 and Huber), and for scores and probabilities largest when the output is confidently wrong (ch04 §4.2 and PyTorch\'s losses).',
  book: 'ch04 §4.2',
  note: {
    source: 'note 000, 이외의 몇 가지 손실함수들',
    quote:
      'L1loss: 평균 절대값 오차\nPoissonNLLloss: 포아송 분포를 따르는 타겟의 네거티브 로그 가능도\nHinge, soft margin loss: SVM의 원리를 이용한 손실함수들\nKLDivloss: KL Divergence를 사용한 손실함수',
  },
  needsMnist: false,
  run(context: ExperimentContext): ExperimentResult {
    const n = bySize(context.size, { tiny: 41, fast: 201, full: 1001 });
    const curves = lossCurves();
    const figures: ExperimentFigure[] = [];
    const checks: Record<string, JsonValue> = {};
    for (const group of LOSS_GROUPS) {
      const [lo, hi] = group.domain;
      const xs = Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
      const members = curves.filter((c) => c.group === group.id);
      for (const c of members) checks[c.name] = gradientCheck(c, xs);
      const chart = (what: 'value' | 'gradient') =>
        lineChart(
          members.map((c, k) => ({
            name: c.name,
            x: xs,
            y: xs.map((v) => (what === 'value' ? c.value(v) : c.gradient(v))),
            // Some losses are the same function (BCEWithLogits, CrossEntropy on [0, z] and SoftMargin):
            // different dashes let each show through the others.
            strokeDash: DASHES[k % DASHES.length],
          })),
          {
            title: `${group.title}: ${what === 'value' ? 'loss' : 'gradient'}`,
            xLabel: group.axis,
            yLabel: what === 'value' ? 'loss' : `d loss / d ${group.variable}`,
            legend: 'right',
            yDomain: what === 'gradient' && group.id === 'probability' ? [-10, 4] : undefined,
          },
        );
      figures.push(
        {
          name: `${group.id}-loss`,
          caption: `${group.title}: each loss against ${group.axis}.${GROUP_NOTES[group.id]}`,
          spec: chart('value'),
        },
        {
          name: `${group.id}-gradient`,
          caption: `${group.title}: the gradient of each loss from its backward (the book's functions have no backward: theirs is the central difference).${GROUP_NOTES[group.id]}`,
          spec: chart('gradient'),
        },
      );
    }
    const worst = Math.max(...Object.values(checks).map(Number));
    // The values the study notes print for the book's two losses on one-hot outputs.
    const t2 = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0];
    const good = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0];
    const bad = [0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0];
    const y6 = [0.1, 0.3, 0.05, 0.0, 0.0, 0.05, 0.5, 0.0, 0.0, 0.0];
    const t6 = [0, 0, 0, 0, 0, 0, 1, 0, 0, 0];
    const bookPrints = [
      {
        id: 'sseGood',
        label: 'sum_squares_error, answer 2 most likely (0.0975)',
        value: sumSquaresError(good, t2),
      },
      {
        id: 'sseBad',
        label: 'sum_squares_error, 7 most likely (0.5975)',
        value: sumSquaresError(bad, t2),
      },
      {
        id: 'ceGood',
        label: 'cross_entropy_error, answer 2 most likely',
        value: crossEntropyError(good, t2),
      },
      {
        id: 'ceBad',
        label: 'cross_entropy_error, 7 most likely',
        value: crossEntropyError(bad, t2),
      },
      {
        id: 'ceBatch',
        label: 'cross_entropy_error of the two as a batch',
        value: crossEntropyError([good, bad], [2, 2]),
      },
      {
        id: 'sseClass6',
        label: '½Σ(y − t)² for y = (0.1, 0.3, 0.05, 0, 0, 0.05, 0.5, 0, 0, 0), t = 6',
        value: sumSquaresError(y6, t6),
      },
      {
        id: 'ceClass6',
        label: '−Σ t log y for the same y and t',
        value: crossEntropyError(y6, t6),
      },
    ];
    return {
      figures,
      key: [
        ...bookPrints.map(({ label, value }) => ({ label, value })),
        { label: 'losses plotted', value: curves.length },
        { label: 'worst backward vs numerical gradient (relative, kinks skipped)', value: worst },
        { label: 'MSELoss gradient at ŷ = 3, t = 1', value: curves[0]!.gradient(3) },
        {
          label: 'BCEWithLogitsLoss gradient at z = −4 (confidently wrong)',
          value: curves.find((c) => c.name.startsWith('BCEWithLogits'))!.gradient(-4),
        },
      ],
      numbers: {
        bookPrints: Object.fromEntries(bookPrints.map((b) => [b.id, b.value])),
        sweepPoints: n,
        losses: curves.map((c) => c.name),
        gradientCheck: checks,
        worstGradientError: worst,
      },
    };
  },
};
