import { fillImageBatch, fillLabelBatch } from '../data/dataset.js';
import { sigmoid } from '../functions/activations.js';
import { BCELoss } from '../losses/bce-loss.js';
import { CrossEntropyLoss } from '../losses/cross-entropy-loss.js';
import { MSELoss } from '../losses/mse-loss.js';
import { TwoLayerNet } from '../models/two-layer-net.js';
import { SGD } from '../optim/sgd.js';
import { lineChart } from '../plot/line-chart.js';
import { tensor, zeros } from '../tensor/creation.js';
import { sigmoidBackward } from '../tensor/ops/activation-backward.js';
import { createRng } from '../tensor/rng.js';
import { Evaluator } from '../train/evaluator.js';
import {
  bySize,
  requireMnist,
  type Experiment,
  type ExperimentContext,
  type ExperimentData,
  type ExperimentResult,
} from './experiment.js';
import { firstSamples } from './mnist-runs.js';
import { softmaxSquaredError, squaredErrorGradient } from './softmax-mse.js';

/** dL/dz for y = σ(z), target 1: the loss's backward chained through the sigmoid's. */
function sigmoidLogitGradient(loss: MSELoss | BCELoss, z: number, scale: number): number {
  const y = sigmoid([z]);
  loss.forward(y, [1]);
  return sigmoidBackward(loss.backward(scale), y).data[0]!;
}

/** ∂L/∂z_true for logits [0, m, 0, …] (10 classes, true class 0): cross-entropy vs squared error on the softmax. */
function softmaxLogitGradients(m: number): { ce: number; mse: number } {
  const logits = [[0, m, 0, 0, 0, 0, 0, 0, 0, 0]];
  const ce = new CrossEntropyLoss();
  ce.forward(logits, [0]);
  return {
    ce: ce.backward().data[0]!,
    mse: softmaxSquaredError(tensor(logits), Int32Array.of(0)).dz.data[0]!,
  };
}

/** Trains TwoLayerNet (784-50-10, sigmoid) with either loss from the same seed and batches; test accuracy every `every` steps. */
function trainWith(
  loss: 'cross-entropy' | 'squared error',
  mnist: ExperimentData,
  iterations: number,
  every: number,
  seed: number,
  progress?: (m: string) => void,
) {
  const net = new TwoLayerNet(784, 50, 10, {
    activation: 'sigmoid',
    dtype: 'float32',
    rng: createRng(seed),
  });
  const optimizer = new SGD({ learningRate: 0.1 });
  const batches = createRng(seed + 1);
  const evaluator = new Evaluator(500, 'float32');
  const x = zeros([100, 784], { dtype: 'float32' });
  const t = new Int32Array(100);
  const at: number[] = [0];
  const accuracy = [evaluator.accuracy(net, mnist.test)];
  const losses: number[] = [];
  for (let i = 1; i <= iterations; i++) {
    const index = batches.choice(mnist.train.count, 100);
    fillImageBatch(mnist.train, index, 100, x.data);
    fillLabelBatch(mnist.train, index, 100, t);
    const step =
      loss === 'cross-entropy' ? net.gradient(x, t) : squaredErrorGradient(net.layers, x, t);
    optimizer.update(net.params, step.grads);
    losses.push(step.loss);
    if (i % every === 0 || i === iterations) {
      at.push(i);
      accuracy.push(evaluator.accuracy(net, mnist.test));
      progress?.(`${loss}: iteration ${i}/${iterations}, test acc ${accuracy.at(-1)!.toFixed(3)}`);
    }
  }
  return { at, accuracy, losses };
}

/**
 * mse-vs-cross-entropy: the backpropagation argument for cross-entropy (docs/math.md §6). With a sigmoid or softmax output,
 * the squared error's gradient at the logits carries the activation's derivative, which vanishes
 * when the output is confidently wrong; cross-entropy's gradient (y − t) does not. Then the same
 * net (784-50-10, sigmoid) is trained on MNIST with each loss from the same seed and batches.
 * Key numbers: |∂L/∂z| for a confidently wrong output under each loss; final test accuracies.
 * Book: ch04 §4.2 (the two losses), ch05 §5.6.3 (Softmax-with-Loss backward y − t).
 * @example mseVsCrossEntropyExperiment.run({ size: 'tiny', seed: 0, mnist }).numbers.sigmoidAtMinus10 // not run: needs MNIST
 */
export const mseVsCrossEntropyExperiment: Experiment = {
  name: 'mse-vs-cross-entropy',
  title: 'Squared error vs cross-entropy at the output',
  claim:
    "Through a sigmoid or softmax output, the squared error's gradient keeps the activation's derivative and vanishes exactly when the output is confidently wrong, while cross-entropy's gradient y − t stays near 1, so a network trained with cross-entropy learns faster (ch04 §4.2, ch05 §5.6.3).",
  book: 'ch04 §4.2, ch05 §5.6.3',
  note: {
    source: 'note 000, 오차역전파법(Backpropagation) 관점',
    quote:
      'MSE의 경우 마지막 활성화 함수의 미분값이 살아있는 반면 CEE의 경우 마지막 활성화 함수의 미분값이 계산에 의해 상쇄됩니다. 따라서 MSE가 CEE보다 gradient vanishing problem에 조금 더 취약합니다.',
  },
  needsMnist: true,
  run(context: ExperimentContext): ExperimentResult {
    const mnist = requireMnist(context, 'mse-vs-cross-entropy');
    const s = bySize(context.size, {
      tiny: { iterations: 160, every: 80, test: 300 },
      fast: { iterations: 1000, every: 100, test: 2000 },
      full: { iterations: 10000, every: 600, test: 10000 },
    });
    const zs = Array.from({ length: 201 }, (_, i) => -10 + i / 10);
    const sigMse = zs.map((z) => sigmoidLogitGradient(new MSELoss(), z, 0.5));
    const sigCe = zs.map((z) => sigmoidLogitGradient(new BCELoss(), z, 1));
    const ms = Array.from({ length: 161 }, (_, i) => -4 + i / 10);
    const soft = ms.map(softmaxLogitGradients);
    const data = { train: mnist.train, test: firstSamples(mnist.test, s.test) };
    const ce = trainWith(
      'cross-entropy',
      data,
      s.iterations,
      s.every,
      context.seed,
      context.progress,
    );
    const mse = trainWith(
      'squared error',
      data,
      s.iterations,
      s.every,
      context.seed,
      context.progress,
    );
    const sigmoidAtMinus10 = { mse: sigMse[0]!, ce: sigCe[0]! };
    const softmaxAt10 = softmaxLogitGradients(10);
    const abs = (v: number[]) => v.map(Math.abs);
    return {
      figures: [
        {
          name: 'sigmoid-logit-gradient',
          caption: `|∂L/∂z| for one sigmoid output y = σ(z) with target 1, from each loss's backward chained through the sigmoid's: the squared error ½(y − 1)² gives (y − 1)·σ′(z), which vanishes for z ≪ 0 (confidently wrong: ${Math.abs(sigmoidAtMinus10.mse).toExponential(1)} at z = −10); binary cross-entropy gives y − 1 (${Math.abs(sigmoidAtMinus10.ce).toFixed(4)}).`,
          spec: lineChart(
            [
              { name: 'squared error', x: zs, y: abs(sigMse) },
              { name: 'cross-entropy', x: zs, y: abs(sigCe) },
            ],
            {
              title: 'Gradient at the logit, sigmoid output (target 1)',
              xLabel: 'logit z (z ≪ 0: confidently wrong)',
              yLabel: '|∂L/∂z| (log)',
              yScale: 'log',
              legend: 'bottom-left',
            },
          ),
        },
        {
          name: 'softmax-logit-gradient',
          caption: `|∂L/∂z_true| for a 10-class softmax whose true class has logit 0 while one wrong class has logit m: as m grows the output is confidently wrong; the squared error's gradient (through the softmax Jacobian) vanishes (${Math.abs(softmaxAt10.mse).toExponential(1)} at m = 10) while cross-entropy's p_true − 1 approaches 1 (${Math.abs(softmaxAt10.ce).toFixed(4)}).`,
          spec: lineChart(
            [
              { name: 'squared error', x: ms, y: abs(soft.map((g) => g.mse)) },
              { name: 'cross-entropy', x: ms, y: abs(soft.map((g) => g.ce)) },
            ],
            {
              title: 'Gradient at the true-class logit, softmax output',
              xLabel: 'logit m of the wrong class',
              yLabel: '|∂L/∂z_true| (log)',
              yScale: 'log',
              legend: 'bottom-left',
            },
          ),
        },
        {
          name: 'training',
          caption: `Test accuracy (${data.test.count} images) of TwoLayerNet(784, 50, 10) with sigmoid, SGD lr 0.1, batch 100, same seed and batches, trained with cross-entropy (Softmax-with-Loss) or with the squared error on the softmax output.`,
          spec: lineChart(
            [
              { name: 'cross-entropy', x: ce.at, y: ce.accuracy, points: true },
              { name: 'squared error', x: mse.at, y: mse.accuracy, points: true },
            ],
            {
              title: 'Training with each loss (784-50-10, sigmoid)',
              xLabel: 'iteration',
              yLabel: 'test accuracy',
              yDomain: [0, 1],
              legend: 'top-left',
            },
          ),
        },
      ],
      key: [
        {
          label: 'sigmoid, z = −10: |∂L/∂z| squared error / cross-entropy',
          value: `${Math.abs(sigmoidAtMinus10.mse).toExponential(2)} / ${Math.abs(sigmoidAtMinus10.ce).toFixed(5)}`,
        },
        {
          label: 'softmax, wrong logit 10: |∂L/∂z_true| squared error / cross-entropy',
          value: `${Math.abs(softmaxAt10.mse).toExponential(2)} / ${Math.abs(softmaxAt10.ce).toFixed(5)}`,
        },
        {
          label: `test accuracy after ${s.iterations} iterations: cross-entropy / squared error`,
          value: `${ce.accuracy.at(-1)!.toFixed(4)} / ${mse.accuracy.at(-1)!.toFixed(4)}`,
        },
      ],
      numbers: {
        sigmoidAtMinus10,
        softmaxAt10,
        training: {
          iterations: s.iterations,
          testImages: data.test.count,
          at: ce.at,
          crossEntropy: ce.accuracy,
          squaredError: mse.accuracy,
        },
      },
    };
  },
};
