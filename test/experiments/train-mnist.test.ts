import assert from 'node:assert/strict';
import { test } from 'node:test';
import { trainMnistExperiment } from '../../src/experiments/train-mnist.js';
import { loadDataset } from '../../src/platform/node/datasets.js';
import { compileMessages } from '../plot/compile-spec.js';

const { train, test: testSet } = loadDataset('mnist');
const r = trainMnistExperiment.run({ size: 'tiny', seed: 0, mnist: { train, test: testSet } });
const n = r.numbers;
const book = n.book as { testAccuracy: number[]; trainAccuracy: number[] };
const comparison = n.comparison as {
  numericalLoss: number[];
  backpropLoss: number[];
  maxLossDifference: number;
};

test('training raises train and test accuracy well above chance (0.1)', () => {
  assert.ok(book.testAccuracy.at(-1)! > 0.3, `test accuracy ${book.testAccuracy.at(-1)}`);
  assert.ok(book.trainAccuracy.at(-1)! > book.trainAccuracy[0]! + 0.2);
});

test('numerical and backprop gradients give the same training curve', () => {
  assert.equal(comparison.numericalLoss.length, comparison.backpropLoss.length);
  assert.ok(
    comparison.maxLossDifference < 1e-6,
    `largest difference ${comparison.maxLossDifference}`,
  );
});

test("the gradient check's mean differences are at the book's 1e-10 scale or below", () => {
  for (const [k, v] of Object.entries(n.gradientCheck as Record<string, number>))
    assert.ok(v < 1e-8, `${k}: ${v}`);
  assert.equal(n.lossEvaluationsPerNumericalGradient, 1220);
});

test('its figures compile without Vega-Lite warnings', () => {
  assert.ok(r.figures.length >= 3);
  for (const f of r.figures) assert.deepEqual(compileMessages(f.spec), [], f.name);
});
