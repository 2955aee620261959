import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  iterationsPerEpoch,
  resolveTrainOptions,
  totalIterations,
  TrainOptionsError,
} from '../../src/train/train-options.js';

test("the defaults are train_neuralnet.py's: 784-50-10 ReLU, SGD lr 0.1, batch 100, 10,000 iterations", () => {
  const o = resolveTrainOptions({});
  assert.equal(o.model, 'two-layer');
  assert.deepEqual(o.hiddenSizes, [50]);
  assert.equal(o.activation, 'relu');
  assert.equal(o.optimizer, 'sgd');
  assert.equal(o.learningRate, 0.1);
  assert.equal(o.batchSize, 100);
  assert.equal(o.iterations, 10_000);
  assert.equal(o.sampling, 'replacement');
  assert.equal(o.dtype, 'float32');
  assert.equal(totalIterations(o, 60000), 10_000);
});

test('an epoch is ⌊train size / batch size⌋ iterations, at least 1', () => {
  assert.equal(iterationsPerEpoch(60000, 100), 600);
  assert.equal(iterationsPerEpoch(54321, 100), 543);
  assert.equal(iterationsPerEpoch(50, 100), 1);
  assert.equal(totalIterations(resolveTrainOptions({ epochs: 3 }), 54321), 1629);
});

test('each optimizer gets its own default learning rate unless one is given', () => {
  assert.equal(resolveTrainOptions({ optimizer: 'adam' }).learningRate, 0.001);
  assert.equal(resolveTrainOptions({ optimizer: 'adam', learningRate: 0.01 }).learningRate, 0.01);
});

test('bad options are named in a TrainOptionsError', () => {
  const cases: [Parameters<typeof resolveTrainOptions>[0], RegExp][] = [
    [{ batchSize: 0 }, /option batchSize: expected a positive integer, got 0/],
    [{ learningRate: -1 }, /option learningRate/],
    [{ learningRate: Number.NaN }, /option learningRate/],
    [{ iterations: 5, epochs: 2 }, /either iterations or epochs/],
    [{ dropout: 1 }, /option dropout: expected a dropout ratio in \[0, 1\), got 1/],
    [{ hiddenSizes: [100, 100] }, /two-layer model has exactly one hidden layer/],
    [
      { optimizer: 'lbfgs' as never },
      /expected one of sgd, momentum, adagrad, rmsprop, adam, got 'lbfgs'/,
    ],
  ];
  for (const [input, re] of cases) {
    assert.throws(
      () => resolveTrainOptions(input),
      (e: unknown) => e instanceof TrainOptionsError && re.test(e.message),
      String(re),
    );
  }
});
