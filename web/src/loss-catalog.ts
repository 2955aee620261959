import {
  BCELoss,
  BCEWithLogitsLoss,
  CrossEntropyLoss,
  crossEntropyError,
  HingeEmbeddingLoss,
  HuberLoss,
  KLDivLoss,
  L1Loss,
  MSELoss,
  MultiMarginLoss,
  NLLLoss,
  PoissonNLLLoss,
  SmoothL1Loss,
  SoftMarginLoss,
  sumSquaresError,
} from '../../src/losses/index.js';
import { numericalDiff } from '../../src/numerical/numerical-diff.js';
import { fromArray } from '../../src/tensor/creation.js';
import type { Tensor } from '../../src/tensor/tensor.js';

/** A control for one loss option: a number slider or a checkbox. */
export type OptionControl =
  | {
      readonly key: string;
      readonly label: string;
      readonly kind: 'number';
      readonly min: number;
      readonly max: number;
      readonly step: number;
      readonly value: number;
    }
  | {
      readonly key: string;
      readonly label: string;
      readonly kind: 'boolean';
      readonly value: boolean;
    };

/** Option values by key, as the controls hold them. */
export type OptionValues = Readonly<Record<string, number | boolean>>;

/** The target control: a slider, a choice of values, or fixed (class 0 for class-index losses). */
export type TargetControl =
  | {
      readonly kind: 'range';
      readonly label: string;
      readonly min: number;
      readonly max: number;
      readonly step: number;
      readonly value: number;
    }
  | { readonly kind: 'choice'; readonly label: string; readonly values: readonly number[] }
  | { readonly kind: 'fixed'; readonly label: string };

/** One loss of the Losses panel: how to draw ℓ(x; t) and ∂ℓ/∂x against the input x. */
export interface LossEntry {
  readonly id: string;
  readonly group: 'Book (ch. 4)' | 'PyTorch: regression' | 'PyTorch: classification';
  readonly label: string;
  readonly formula: string;
  readonly xLabel: string;
  readonly xDomain: (o: OptionValues) => readonly [number, number];
  readonly target: TargetControl;
  readonly options: readonly OptionControl[];
  /** Loss and gradient at every x (reduction 'none': one element per x). */
  readonly curves: (
    x: Float64Array,
    t: number,
    o: OptionValues,
  ) => { loss: Float64Array; grad: Float64Array };
}

/** The elements of x as a float64 column, t repeated beside it. */
const column = (x: Float64Array): Tensor => fromArray(x, [x.length], { dtype: 'float64' });
const repeat = (t: number, n: number): Tensor =>
  fromArray(new Float64Array(n).fill(t), [n], { dtype: 'float64' });

interface ElementwiseLoss {
  forward(input: Tensor, target: Tensor): number | Tensor;
  backward(dout?: number): Tensor;
}

/** Runs a PyTorch-style loss class elementwise: forward with reduction 'none', backward(1). */
function elementwise(make: (o: OptionValues) => ElementwiseLoss) {
  return (x: Float64Array, t: number, o: OptionValues) => {
    const loss = make(o);
    const value = loss.forward(column(x), repeat(t, x.length));
    return {
      loss: Float64Array.from((value as Tensor).data),
      grad: Float64Array.from(loss.backward(1).data),
    };
  };
}

interface ClassLoss {
  forward(input: Tensor, target: Int32Array): number | Tensor;
  backward(dout?: number): Tensor;
}

/**
 * Runs a class-score loss on rows whose class-0 score is x and whose other C − 1 scores are 0,
 * target class 0: the curve shows how the loss falls as the right class's score rises.
 */
function classRows(make: (o: OptionValues) => ClassLoss, fill = 0) {
  return (x: Float64Array, _t: number, o: OptionValues) => {
    const classes = Number(o.classes ?? 10);
    const rows = new Float64Array(x.length * classes).fill(fill);
    x.forEach((v, i) => (rows[i * classes] = v));
    const loss = make(o);
    const value = loss.forward(
      fromArray(rows, [x.length, classes], { dtype: 'float64' }),
      new Int32Array(x.length),
    );
    const g = loss.backward(1).data;
    return {
      loss: Float64Array.from((value as Tensor).data),
      grad: Float64Array.from(x, (_, i) => g[i * classes]!),
    };
  };
}

/** A book function without backward: its values, and the slope by numericalDiff (ch. 4). */
function bookFunction(f: (x: number, t: number) => number) {
  return (x: Float64Array, t: number) => ({
    loss: x.map((v) => f(v, t)),
    grad: x.map((v) => numericalDiff((u) => f(u, t), v)),
  });
}

const none = { reduction: 'none' } as const;
const classes: OptionControl = {
  key: 'classes',
  label: 'classes C',
  kind: 'number',
  min: 2,
  max: 10,
  step: 1,
  value: 10,
};
const regressionTarget: TargetControl = {
  kind: 'range',
  label: 'target t',
  min: -2,
  max: 2,
  step: 0.1,
  value: 0,
};
const probabilityTarget: TargetControl = {
  kind: 'range',
  label: 'target t',
  min: 0,
  max: 1,
  step: 0.05,
  value: 1,
};
const signTarget: TargetControl = { kind: 'choice', label: 'target y', values: [1, -1] };
const classZero: TargetControl = { kind: 'fixed', label: 'target: class 0, the other scores 0' };

/** The losses of src/losses, in the order they are listed. */
export const LOSSES: readonly LossEntry[] = [
  {
    id: 'sse',
    group: 'Book (ch. 4)',
    label: 'sum_squares_error',
    formula: 'E = ½ Σ (y − t)²',
    xLabel: 'prediction y',
    xDomain: () => [-3, 3],
    target: regressionTarget,
    options: [],
    curves: bookFunction((y, t) => sumSquaresError([y], [t])),
  },
  {
    id: 'cee',
    group: 'Book (ch. 4)',
    label: 'cross_entropy_error',
    formula: 'E = −Σ t log(y + 1e-7), y = probability of the true class',
    xLabel: 'probability of the true class',
    xDomain: () => [0.01, 1],
    target: { kind: 'fixed', label: 'target: class 0 of two' },
    options: [],
    curves: bookFunction((y) => crossEntropyError([y, 1 - y], 0)),
  },
  {
    id: 'mse',
    group: 'PyTorch: regression',
    label: 'MSELoss',
    formula: 'ℓ = (x − t)²',
    xLabel: 'input x',
    xDomain: () => [-3, 3],
    target: regressionTarget,
    options: [],
    curves: elementwise(() => new MSELoss(none)),
  },
  {
    id: 'l1',
    group: 'PyTorch: regression',
    label: 'L1Loss',
    formula: 'ℓ = |x − t|',
    xLabel: 'input x',
    xDomain: () => [-3, 3],
    target: regressionTarget,
    options: [],
    curves: elementwise(() => new L1Loss(none)),
  },
  {
    id: 'huber',
    group: 'PyTorch: regression',
    label: 'HuberLoss',
    formula: 'ℓ = ½(x − t)² if |x − t| < δ, else δ(|x − t| − ½δ)',
    xLabel: 'input x',
    xDomain: () => [-3, 3],
    target: regressionTarget,
    options: [
      { key: 'delta', label: 'delta δ', kind: 'number', min: 0.1, max: 3, step: 0.1, value: 1 },
    ],
    curves: elementwise((o) => new HuberLoss({ ...none, delta: Number(o.delta) })),
  },
  {
    id: 'smooth-l1',
    group: 'PyTorch: regression',
    label: 'SmoothL1Loss',
    formula: 'ℓ = ½(x − t)²/β if |x − t| < β, else |x − t| − ½β',
    xLabel: 'input x',
    xDomain: () => [-3, 3],
    target: regressionTarget,
    options: [
      { key: 'beta', label: 'beta β', kind: 'number', min: 0, max: 3, step: 0.1, value: 1 },
    ],
    curves: elementwise((o) => new SmoothL1Loss({ ...none, beta: Number(o.beta) })),
  },
  {
    id: 'poisson',
    group: 'PyTorch: regression',
    label: 'PoissonNLLLoss',
    formula: 'ℓ = eˣ − t·x (logInput), or x − t·log(x + eps)',
    xLabel: 'input x (log λ or λ)',
    xDomain: (o) => (o.logInput ? [-2, 3] : [0.05, 10]),
    target: { kind: 'range', label: 'target count t', min: 0, max: 8, step: 1, value: 3 },
    options: [
      { key: 'logInput', label: 'logInput', kind: 'boolean', value: true },
      { key: 'full', label: 'full (Stirling term)', kind: 'boolean', value: false },
    ],
    curves: elementwise(
      (o) => new PoissonNLLLoss({ ...none, logInput: Boolean(o.logInput), full: Boolean(o.full) }),
    ),
  },
  {
    id: 'bce',
    group: 'PyTorch: classification',
    label: 'BCELoss',
    formula: 'ℓ = −[t log x + (1 − t) log(1 − x)]',
    xLabel: 'probability x',
    xDomain: () => [0.01, 0.99],
    target: probabilityTarget,
    options: [],
    curves: elementwise(() => new BCELoss(none)),
  },
  {
    id: 'bce-logits',
    group: 'PyTorch: classification',
    label: 'BCEWithLogitsLoss',
    formula: 'ℓ = −[p·t log σ(x) + (1 − t) log(1 − σ(x))]',
    xLabel: 'logit x',
    xDomain: () => [-6, 6],
    target: probabilityTarget,
    options: [
      {
        key: 'posWeight',
        label: 'posWeight p',
        kind: 'number',
        min: 0.1,
        max: 5,
        step: 0.1,
        value: 1,
      },
    ],
    curves: elementwise(
      (o) => new BCEWithLogitsLoss({ ...none, posWeight: [Number(o.posWeight)] }),
    ),
  },
  {
    id: 'cross-entropy',
    group: 'PyTorch: classification',
    label: 'CrossEntropyLoss',
    formula: 'ℓ = −log softmax(x)₀ (with label smoothing ε: the target is (1 − ε)·onehot + ε/C)',
    xLabel: 'score (logit) of the true class',
    xDomain: () => [-6, 10],
    target: classZero,
    options: [
      classes,
      {
        key: 'labelSmoothing',
        label: 'labelSmoothing ε',
        kind: 'number',
        min: 0,
        max: 0.5,
        step: 0.05,
        value: 0,
      },
    ],
    curves: classRows(
      (o) => new CrossEntropyLoss({ ...none, labelSmoothing: Number(o.labelSmoothing) }),
    ),
  },
  {
    id: 'nll',
    group: 'PyTorch: classification',
    label: 'NLLLoss',
    formula: 'ℓ = −x₀, x = log-probabilities',
    xLabel: 'log-probability of the true class',
    xDomain: () => [-5, 0],
    target: classZero,
    options: [classes],
    curves: classRows(() => new NLLLoss(none), -5),
  },
  {
    id: 'multi-margin',
    group: 'PyTorch: classification',
    label: 'MultiMarginLoss',
    formula: 'ℓ = Σ_{c≠0} max(0, margin − x₀ + x_c)ᵖ / C',
    xLabel: 'score of the true class',
    xDomain: () => [-3, 3],
    target: classZero,
    options: [
      classes,
      { key: 'margin', label: 'margin', kind: 'number', min: 0, max: 3, step: 0.1, value: 1 },
      { key: 'p', label: 'p = 2 (squared)', kind: 'boolean', value: false },
    ],
    curves: classRows(
      (o) => new MultiMarginLoss({ ...none, margin: Number(o.margin), p: o.p ? 2 : 1 }),
    ),
  },
  {
    id: 'soft-margin',
    group: 'PyTorch: classification',
    label: 'SoftMarginLoss',
    formula: 'ℓ = log(1 + e^(−y·x))',
    xLabel: 'score x',
    xDomain: () => [-4, 4],
    target: signTarget,
    options: [],
    curves: elementwise(() => new SoftMarginLoss(none)),
  },
  {
    id: 'hinge-embedding',
    group: 'PyTorch: classification',
    label: 'HingeEmbeddingLoss',
    formula: 'ℓ = x if y = 1, max(0, margin − x) if y = −1',
    xLabel: 'distance x',
    xDomain: () => [-1, 3],
    target: signTarget,
    options: [
      { key: 'margin', label: 'margin', kind: 'number', min: 0, max: 3, step: 0.1, value: 1 },
    ],
    curves: elementwise((o) => new HingeEmbeddingLoss({ ...none, margin: Number(o.margin) })),
  },
  {
    id: 'kl-div',
    group: 'PyTorch: classification',
    label: 'KLDivLoss',
    formula: 'ℓ = t·(log t − x), x = log q',
    xLabel: 'input x = log q',
    xDomain: () => [-5, 0],
    target: {
      kind: 'range',
      label: 'target probability t',
      min: 0.05,
      max: 1,
      step: 0.05,
      value: 0.5,
    },
    options: [],
    curves: elementwise(() => new KLDivLoss(none)),
  },
];
