import { BCELoss } from '../losses/bce-loss.js';
import { BCEWithLogitsLoss } from '../losses/bce-with-logits-loss.js';
import { crossEntropyError } from '../losses/cross-entropy-error.js';
import { CrossEntropyLoss } from '../losses/cross-entropy-loss.js';
import { HingeEmbeddingLoss } from '../losses/hinge-embedding-loss.js';
import { HuberLoss } from '../losses/huber-loss.js';
import { KLDivLoss } from '../losses/kl-div-loss.js';
import { L1Loss } from '../losses/l1-loss.js';
import { MSELoss } from '../losses/mse-loss.js';
import { MultiMarginLoss } from '../losses/multi-margin-loss.js';
import { NLLLoss } from '../losses/nll-loss.js';
import { PoissonNLLLoss } from '../losses/poisson-nll-loss.js';
import { SmoothL1Loss } from '../losses/smooth-l1-loss.js';
import { SoftMarginLoss } from '../losses/soft-margin-loss.js';
import { sumSquaresError } from '../losses/sum-squares-error.js';
import { numericalDiff } from '../numerical/numerical-diff.js';
import type { NestedArray, Tensor } from '../tensor/tensor.js';

/** The kind of prediction a group of losses takes, which is the x axis of its charts. */
export interface LossGroup {
  readonly id: 'regression' | 'score' | 'probability' | 'count';
  readonly title: string;
  /** What is swept: the axis title. */
  readonly axis: string;
  /** The swept variable's symbol, for the gradient axis. */
  readonly variable: string;
  readonly domain: readonly [number, number];
}

/** One loss as a function of one swept number v, with its gradient dL/dv. */
export interface LossCurve {
  readonly name: string;
  readonly group: LossGroup['id'];
  value(v: number): number;
  /** dL/dv from the loss's backward (chained to v where the input is a function of v); numerical for the book's functions. */
  gradient(v: number): number;
  /** Where dL/dv is undefined (a kink), so a numerical check skips it. */
  readonly kinks: readonly number[];
  /** True when the gradient comes from backward, false when it is numerical (book functions have no backward). */
  readonly backward: boolean;
}

/** The four groups of losses, by the prediction they take. */
export const LOSS_GROUPS: readonly LossGroup[] = [
  {
    id: 'regression',
    title: 'Regression losses, target t = 1',
    axis: 'prediction ŷ',
    variable: 'ŷ',
    domain: [-2, 4],
  },
  {
    id: 'score',
    title: 'Score (logit) losses, positive target',
    axis: 'score z of the true class',
    variable: 'z',
    domain: [-4, 4],
  },
  {
    id: 'probability',
    title: 'Probability losses, true class 1',
    axis: 'predicted probability p of class 1',
    variable: 'p',
    domain: [0.02, 0.98],
  },
  {
    id: 'count',
    title: 'Poisson NLL, target count y = 3',
    axis: 'log rate log λ',
    variable: 'log λ',
    domain: [-1, 3],
  },
];

/** A loss class as the experiment uses it: forward with a fixed target, then backward. */
interface BackwardLoss<T> {
  forward(input: NestedArray, target: T): number | Tensor;
  backward(): Tensor;
}

const scalar = (v: number | Tensor): number => (typeof v === 'number' ? v : v.item());

/** A curve from a loss class: input(v) → forward → backward, chained to v by dInput/dv. */
function fromClass<T>(
  name: string,
  group: LossGroup['id'],
  loss: BackwardLoss<T>,
  input: (v: number) => NestedArray,
  target: T,
  dInput: (v: number) => readonly number[],
  kinks: readonly number[] = [],
): LossCurve {
  return {
    name,
    group,
    kinks,
    backward: true,
    value: (v) => scalar(loss.forward(input(v), target)),
    gradient: (v) => {
      loss.forward(input(v), target);
      const g = loss.backward().data;
      return dInput(v).reduce((s, d, i) => s + d * g[i]!, 0);
    },
  };
}

/** A curve from a book function without backward: the gradient is the central difference. */
function fromFunction(
  name: string,
  group: LossGroup['id'],
  value: (v: number) => number,
): LossCurve {
  return {
    name,
    group,
    kinks: [],
    backward: false,
    value,
    gradient: (v) => numericalDiff(value, v),
  };
}

const one = (): readonly number[] => [1];
const secondOfTwo = (): readonly number[] => [0, 1];
/** d/dp of (log(1 − p), log p). */
const dLogPair = (p: number): readonly number[] => [-1 / (1 - p), 1 / p];

/**
 * Every loss of the library as a curve over its natural prediction, with its gradient:
 * the book's SSE and CE and the 13 PyTorch-style classes (two with a second setting).
 * @example lossCurves().find((c) => c.name === 'MSELoss')!.gradient(3) // 4 = 2·(3 − 1)
 */
export function lossCurves(): LossCurve[] {
  return [
    fromClass('MSELoss', 'regression', new MSELoss(), (v) => [v], [1], one),
    fromFunction('sumSquaresError (book)', 'regression', (v) => sumSquaresError([v], [1])),
    fromClass('L1Loss', 'regression', new L1Loss(), (v) => [v], [1], one, [1]),
    fromClass('HuberLoss (δ = 1)', 'regression', new HuberLoss(), (v) => [v], [1], one),
    fromClass(
      'SmoothL1Loss (β = 0.5)',
      'regression',
      new SmoothL1Loss({ beta: 0.5 }),
      (v) => [v],
      [1],
      one,
    ),
    fromClass('BCEWithLogits (y = 1)', 'score', new BCEWithLogitsLoss(), (v) => [v], [1], one),
    fromClass(
      'CrossEntropy ([0, z])',
      'score',
      new CrossEntropyLoss(),
      (v) => [[0, v]],
      [1],
      secondOfTwo,
    ),
    fromClass('SoftMargin (y = +1)', 'score', new SoftMarginLoss(), (v) => [v], [1], one),
    fromClass(
      'MultiMargin ([0, z])',
      'score',
      new MultiMarginLoss(),
      (v) => [[0, v]],
      [1],
      secondOfTwo,
      [1],
    ),
    fromClass(
      'HingeEmbedding (y = −1)',
      'score',
      new HingeEmbeddingLoss(),
      (v) => [v],
      [-1],
      one,
      [1],
    ),
    fromClass('BCELoss (y = 1)', 'probability', new BCELoss(), (v) => [v], [1], one),
    fromFunction('crossEntropyError (book)', 'probability', (v) =>
      crossEntropyError([1 - v, v], 1),
    ),
    fromClass(
      'NLLLoss (log p)',
      'probability',
      new NLLLoss(),
      (v) => [[Math.log(1 - v), Math.log(v)]],
      [1],
      dLogPair,
    ),
    fromClass(
      'KLDiv (t = [0.2, 0.8])',
      'probability',
      new KLDivLoss({ reduction: 'sum' }),
      (v) => [[Math.log(1 - v), Math.log(v)]],
      [[0.2, 0.8]],
      dLogPair,
    ),
    fromClass('PoissonNLL (log λ)', 'count', new PoissonNLLLoss(), (v) => [v], [3], one),
    fromClass(
      'PoissonNLL (log λ, full)',
      'count',
      new PoissonNLLLoss({ full: true }),
      (v) => [v],
      [3],
      one,
    ),
    fromClass(
      'PoissonNLL (λ)',
      'count',
      new PoissonNLLLoss({ logInput: false }),
      (v) => [Math.exp(v)],
      [3],
      (v) => [Math.exp(v)],
    ),
  ];
}
