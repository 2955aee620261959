import { gaussianBlobs } from '../data/synthetic.js';
import { sigmoid, stepFunction } from '../functions/activations.js';
import { crossEntropyLoss } from '../losses/cross-entropy-loss.js';
import { TwoLayerNet } from '../models/two-layer-net.js';
import { SGD } from '../optim/sgd.js';
import { lineChart } from '../plot/line-chart.js';
import { add } from '../tensor/ops/elementwise.js';
import { matmul } from '../tensor/ops/matmul.js';
import { createRng } from '../tensor/rng.js';
import type { Tensor } from '../tensor/tensor.js';
import {
  bySize,
  type Experiment,
  type ExperimentContext,
  type ExperimentResult,
} from './experiment.js';

/** The fraction of points where a central difference (h = 1e-4) of the sampled function is exactly 0. */
function flatFraction(f: (w: number) => number, ws: readonly number[]): number {
  const h = 1e-4;
  return ws.filter((w) => f(w + h) - f(w - h) === 0).length / ws.length;
}

/** The cross-entropy of the trained weights with the hidden sigmoid replaced by the step function. */
function stepNetLoss(params: Record<string, Tensor>, x: Tensor, t: Int32Array): number {
  const hidden = stepFunction(add(matmul(x, params.W1!), params.b1!));
  return crossEntropyLoss(add(matmul(hidden, params.W2!), params.b2!), t);
}

/**
 * loss-vs-accuracy: a small sigmoid network trained on seeded Gaussian blobs; one first-layer
 * weight is swept while everything else stays fixed. The accuracy moves in steps of 1/N (its
 * derivative is 0 almost everywhere) while the loss moves smoothly; with the hidden sigmoid
 * replaced by the step function the loss itself becomes a staircase.
 * Key numbers: the fraction of sweep points where each derivative is exactly 0.
 * Book: ch04 §4.2.5 (why a loss function), ch03 step vs sigmoid; docs/math.md §4.
 * @example lossVsAccuracyExperiment.run({ size: 'tiny', seed: 0 }).numbers.flatFraction
 */
export const lossVsAccuracyExperiment: Experiment = {
  name: 'loss-vs-accuracy',
  title: 'Why the loss, not the accuracy',
  claim:
    'Accuracy cannot be the objective: as a weight moves, accuracy stays put and then jumps in steps of 1/N, so its derivative is 0 almost everywhere and gives gradient descent no direction, while the loss changes smoothly; a step activation flattens the loss the same way, which is why networks use the sigmoid (ch04 §4.2.5).',
  book: 'ch04 §4.2.5',
  note: {
    source: 'note 001, 왜 손실 함수를 설정하는가?',
    quote:
      '정확도를 지표로 삼으면 안되는 이유는 미분 값이 대부분의 장소에서 0이 되어 매개변수를 갱신할 수 없기 때문이다.\n…\n정확도는 매개변수의 미소한 변화에는 거의 반응을 보이지 않고 반응이 있더라도 그 값이 불연속적으로 갑자기 변화한다.',
  },
  needsMnist: false,
  run(context: ExperimentContext): ExperimentResult {
    const perClass = bySize(context.size, { tiny: 20, fast: 100, full: 300 });
    const points = bySize(context.size, { tiny: 81, fast: 401, full: 2001 });
    const rng = createRng(context.seed);
    const { x, t } = gaussianBlobs({ classes: 3, perClass, spread: 1.2, rng });
    const net = new TwoLayerNet(2, 8, 3, { activation: 'sigmoid', weightInitStd: 1, rng });
    const optimizer = new SGD({ learningRate: 0.5 });
    for (let i = 0; i < 300; i++) optimizer.update(net.params, net.gradient(x, t).grads);
    const W1 = net.params.W1!;
    const trained = W1.data[0]!;
    const ws = Array.from({ length: points }, (_, i) => trained - 4 + (8 * i) / (points - 1));
    const at = <T>(w: number, f: () => T): T => {
      W1.data[0] = w;
      const v = f();
      W1.data[0] = trained;
      return v;
    };
    const loss = (w: number) => at(w, () => net.loss(x, t));
    const accuracy = (w: number) => at(w, () => net.accuracy(x, t));
    const stepLoss = (w: number) => at(w, () => stepNetLoss(net.params, x, t));
    const losses = ws.map(loss);
    const accuracies = ws.map(accuracy);
    const stepLosses = ws.map(stepLoss);
    const flat = {
      loss: flatFraction(loss, ws),
      accuracy: flatFraction(accuracy, ws),
      stepLoss: flatFraction(stepLoss, ws),
    };
    const zs = Array.from({ length: 161 }, (_, i) => -8 + i / 10);
    const sig = Array.from(sigmoid(zs).data);
    const n = t.length;
    return {
      figures: [
        {
          name: 'accuracy-vs-weight',
          caption: `Training accuracy on ${n} points as W1[0, 0] moves (all other weights fixed): flat stretches and jumps of 1/${n}. At ${(100 * flat.accuracy).toFixed(1)} % of the points a small change of the weight changes nothing, so the derivative is 0.`,
          spec: lineChart([{ name: 'accuracy', x: ws, y: accuracies }], {
            title: 'Accuracy as one weight is swept',
            xLabel: 'W1[0, 0]',
            yLabel: 'training accuracy',
          }),
        },
        {
          name: 'loss-vs-weight',
          caption: `The cross-entropy loss over the same sweep: smooth, with a non-zero slope at ${(100 * (1 - flat.loss)).toFixed(1)} % of the points, so its gradient always says which way to move.`,
          spec: lineChart([{ name: 'loss', x: ws, y: losses }], {
            title: 'Loss as one weight is swept',
            xLabel: 'W1[0, 0]',
            yLabel: 'cross-entropy loss',
          }),
        },
        {
          name: 'step-vs-sigmoid-loss',
          caption: `The same sweep with the hidden sigmoid replaced by the step function (same weights): the loss only changes when a hidden unit flips, so it is flat at ${(100 * flat.stepLoss).toFixed(1)} % of the points and gradient descent has nothing to follow.`,
          spec: lineChart(
            [
              { name: 'sigmoid hidden layer', x: ws, y: losses },
              { name: 'step hidden layer', x: ws, y: stepLosses },
            ],
            {
              title: 'Loss with a sigmoid vs a step activation',
              xLabel: 'W1[0, 0]',
              yLabel: 'cross-entropy loss',
              legend: 'right',
            },
          ),
        },
        {
          name: 'step-vs-sigmoid',
          caption:
            "The step function's derivative is 0 everywhere except at 0 (where it is undefined); the sigmoid's, σ(1 − σ), is never 0 (book fig 4-4).",
          spec: lineChart(
            [
              { name: 'step', x: zs, y: Array.from(stepFunction(zs).data) },
              { name: 'sigmoid σ', x: zs, y: sig },
              { name: 'step′ (0 for z ≠ 0)', x: zs, y: zs.map(() => 0), strokeDash: [6, 4] },
              { name: 'σ′ = σ(1 − σ)', x: zs, y: sig.map((s) => s * (1 - s)), strokeDash: [6, 4] },
            ],
            {
              title: 'Step and sigmoid and their derivatives',
              xLabel: 'z',
              yLabel: 'value',
              legend: 'top-left',
            },
          ),
        },
      ],
      key: [
        {
          label: 'points where d(accuracy)/dw = 0',
          value: `${(100 * flat.accuracy).toFixed(1)} %`,
        },
        {
          label: 'points where d(loss)/dw = 0 (sigmoid)',
          value: `${(100 * flat.loss).toFixed(1)} %`,
        },
        {
          label: 'points where d(loss)/dw = 0 (step activation)',
          value: `${(100 * flat.stepLoss).toFixed(1)} %`,
        },
        { label: 'distinct accuracy values over the sweep', value: new Set(accuracies).size },
      ],
      numbers: {
        samples: n,
        trainedWeight: trained,
        trainedAccuracy: net.accuracy(x, t),
        trainedLoss: net.loss(x, t),
        flatFraction: flat,
        distinctAccuracies: new Set(accuracies).size,
        sweep: ws,
        accuracy: accuracies,
        loss: losses,
        stepLoss: stepLosses,
      },
    };
  },
};
