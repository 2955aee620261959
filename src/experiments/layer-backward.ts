import { Affine } from '../layers/affine.js';
import type { Layer } from '../layers/layer.js';
import { Relu } from '../layers/relu.js';
import { Sigmoid } from '../layers/sigmoid.js';
import { SoftmaxWithLoss } from '../layers/softmax-with-loss.js';
import { numericalGradient } from '../numerical/numerical-gradient.js';
import { barChart } from '../plot/bar-chart.js';
import { clone, randn, tensor } from '../tensor/creation.js';
import { matmul } from '../tensor/ops/matmul.js';
import { createRng } from '../tensor/rng.js';
import type { Tensor } from '../tensor/tensor.js';
import type { Experiment, ExperimentContext, ExperimentResult } from './experiment.js';

/** What one layer's check found: what forward keeps, the rule, the worst backward error. */
export interface LayerCheck {
  readonly layer: string;
  readonly caches: string;
  readonly formula: string;
  /** max |backward − numerical| over dx and every parameter gradient, float64. */
  readonly maxError: number;
}

/** max |a − b| over two tensors of the same size. */
function maxAbsDiff(a: Tensor, b: Tensor): number {
  let m = 0;
  for (let i = 0; i < a.size; i++) m = Math.max(m, Math.abs(a.data[i]! - b.data[i]!));
  return m;
}

/** Σ y⊙R: the scalar whose gradient with respect to y is R (so backward gets dout = R). */
function weighted(y: Tensor, r: Tensor): number {
  let s = 0;
  for (let i = 0; i < y.size; i++) s += y.data[i]! * r.data[i]!;
  return s;
}

/**
 * Backward of a layer against central differences of L = Σ forward(x)⊙R: dx, then each
 * parameter (perturbed in place, as the book's numerical_gradient does with W).
 */
function checkLayer(layer: Layer, x: Tensor, r: Tensor): number {
  const y = layer.forward(x, true);
  const dx = clone(layer.backward(r));
  const grads = Object.fromEntries(Object.entries(layer.grads).map(([k, g]) => [k, clone(g)]));
  void y;
  const loss = (): number => weighted(layer.forward(x, true), r);
  let worst = maxAbsDiff(
    dx,
    numericalGradient(() => loss(), x),
  );
  for (const [name, p] of Object.entries(layer.params)) {
    worst = Math.max(
      worst,
      maxAbsDiff(
        grads[name]!,
        numericalGradient(() => loss(), p),
      ),
    );
  }
  return worst;
}

/**
 * layer-backward: chapter 5's layers one by one. For each: what forward caches, the backward
 * rule, and max |backward − numerical gradient| in float64. Affine's batch shapes: dX = dY·Wᵀ,
 * dW = Xᵀ·dY, db = Σₙ dY (the "∂f/∂b = 1" of a single sample becomes a sum over the batch).
 * Softmax-with-Loss on the book's case y = (0.3, 0.2, 0.5), t = 1 gives y − t = (0.3, −0.8, 0.5).
 * Book: common/layers.py, ch05 §5.5–5.6.
 * @example layerBackwardExperiment.run({ size: 'tiny', seed: 0 }).numbers.bookSoftmaxGradient; // → [0.3, -0.8, 0.5]
 */
export const layerBackwardExperiment: Experiment = {
  name: 'layer-backward',
  title: 'Backward pass, layer by layer',
  claim:
    'Each layer passes back upstream gradient × its local derivative, from what its forward pass cached: Affine dX = dY·Wᵀ, dW = Xᵀ·dY, db = Σₙ dY; ReLU passes dout where x > 0; Sigmoid multiplies by y(1 − y); Softmax-with-Loss sends y − t. Each agrees with the numerical gradient to 1e-9 or better in float64 (ch05 §5.5–5.6).',
  book: 'ch05 §5.5–5.6',
  note: {
    source: 'note 004, §4.3 미분 계산, §4.4 구현하기',
    quote:
      'f(x) = xW + b: ∂f(x)/∂x = Wᵀ, ∂f(x)/∂W = xᵀ, ∂f(x)/∂b = 1 … Sigmoid: ∂f(x)/∂x = f(x)(1 − f(x)) … Softmax w/ Cross Entropy: ∂f(x)/∂x = f(x) − t\n팁: 역전파 계산에 필요한 값들은 순전파 계산 때 미리 저장해둡니다.',
  },
  needsMnist: false,
  run(context: ExperimentContext): ExperimentResult {
    const rng = createRng(context.seed);
    const N = 3;
    const D = 4;
    const H = 5;
    const x = randn([N, D], rng);
    const affine = new Affine(randn([D, H], rng), randn([H], rng));
    const rAffine = randn([N, H], rng);
    const affineError = checkLayer(affine, x, rAffine);
    // The batch rules, recomputed from dout with matmul: they equal what backward returned.
    affine.forward(x);
    const dX = clone(affine.backward(rAffine));
    const ruleDx = maxAbsDiff(dX, matmul(rAffine, affine.W, { transB: true }));
    const ruleDW = maxAbsDiff(affine.grads.W!, matmul(x, rAffine, { transA: true }));
    const colSums = Array.from({ length: H }, (_, j) => {
      let s = 0;
      for (let n = 0; n < N; n++) s += rAffine.data[n * H + j]!;
      return s;
    });
    const ruleDb = Math.max(...colSums.map((s, j) => Math.abs(s - affine.grads.b!.data[j]!)));

    // ReLU: inputs kept at least 0.1 away from its kink at 0.
    const xr = randn([N, H], rng);
    for (let i = 0; i < xr.size; i++) {
      const v = xr.data[i]!;
      xr.data[i] = v >= 0 ? v + 0.1 : v - 0.1;
    }
    const rRelu = randn([N, H], rng);
    const reluError = checkLayer(new Relu(), xr, rRelu);
    let maskOff = 0;
    for (let i = 0; i < xr.size; i++) if (xr.data[i]! <= 0) maskOff++;

    const sigmoid = new Sigmoid();
    const xs = randn([N, H], rng);
    const sigmoidError = checkLayer(sigmoid, xs, randn([N, H], rng));
    const y0 = sigmoid.forward(tensor([[0]]));
    const slopeAt0 = sigmoid.backward(tensor([[1]])).data[0]!;
    void y0;

    // Softmax-with-Loss on random scores, and on the book's y = (0.3, 0.2, 0.5), t = 1.
    const scores = randn([N, H], rng);
    const labels = [1, 4, 0];
    const swl = new SoftmaxWithLoss();
    swl.forward(scores, labels);
    const dScores = clone(swl.backward());
    const numeric = numericalGradient((s) => swl.forward(s, labels), scores);
    const softmaxError = maxAbsDiff(dScores, numeric);
    const bookY = [0.3, 0.2, 0.5];
    const bookT = [0, 1, 0];
    const bookSoftmaxGradient = bookY.map((v, i) => v - bookT[i]!);
    const book = new SoftmaxWithLoss();
    book.forward(tensor([bookY.map(Math.log)]), [1]);
    const gradlabSoftmaxGradient = Array.from(book.backward().data);

    const checks: LayerCheck[] = [
      {
        layer: 'Affine',
        caches: 'x (N, D); W and b are its parameters',
        formula: 'dX = dY·Wᵀ (N, D), dW = Xᵀ·dY (D, H), db = Σₙ dY (H)',
        maxError: affineError,
      },
      {
        layer: 'ReLU',
        caches: 'the mask x ≤ 0',
        formula: 'dx = dout where x > 0, 0 where x ≤ 0',
        maxError: reluError,
      },
      {
        layer: 'Sigmoid',
        caches: 'the output y = σ(x)',
        formula: 'dx = dout·y(1 − y)',
        maxError: sigmoidError,
      },
      {
        layer: 'SoftmaxWithLoss',
        caches: 'y = softmax(x) and the labels t',
        formula: 'dx = (y − t)/N (times yₜ/(yₜ + 1e-7), the derivative of the log’s 1e-7)',
        maxError: softmaxError,
      },
    ];
    const digits = checks.map((c) => -Math.log10(Math.max(c.maxError, 1e-17)));
    return {
      figures: [
        {
          name: 'agreement',
          caption: `Digits of agreement, −log10 max |backward − numerical|, of each layer's backward pass in float64 (central differences, h = 1e-4): ${checks
            .map((c) => `${c.layer} ${c.maxError.toExponential(1)}`)
            .join(', ')}.`,
          spec: barChart(
            checks.map((c) => c.layer),
            digits,
            {
              title: 'Backward against the numerical gradient',
              xLabel: 'layer',
              yLabel: '−log10 max |backward − numerical|',
              valueFormat: '.1f',
            },
          ),
        },
      ],
      key: [
        ...checks.map((c) => ({
          label: `${c.layer}: ${c.formula}; max error`,
          value: c.maxError,
        })),
        {
          label: 'Affine rules recomputed (dX, dW, db): max difference',
          value: Math.max(ruleDx, ruleDW, ruleDb),
        },
        {
          label: 'book case y = (0.3, 0.2, 0.5), t = 1: y − t',
          value: bookSoftmaxGradient.join(', '),
        },
        {
          label: "gradlab's SoftmaxWithLoss.backward on it",
          value: gradlabSoftmaxGradient.map((v) => v.toFixed(7)).join(', '),
        },
        { label: "Sigmoid's slope at 0, y(1 − y)", value: slopeAt0 },
      ],
      numbers: {
        checks: checks.map((c) => ({ ...c })),
        affineRuleDifferences: { dX: ruleDx, dW: ruleDW, db: ruleDb },
        affineShapes: { x: [N, D], W: [D, H], b: [H], dout: [N, H] },
        reluMaskedEntries: maskOff,
        sigmoidSlopeAt0: slopeAt0,
        bookSoftmaxGradient,
        gradlabSoftmaxGradient,
      },
    };
  },
};
