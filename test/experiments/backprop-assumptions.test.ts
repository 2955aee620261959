import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  backpropAssumptionsExperiment,
  underflowCount,
} from '../../src/experiments/backprop-assumptions.js';
import { loadDataset } from '../../src/platform/node/datasets.js';

const { train, test: testSet } = loadDataset('mnist');
const n = backpropAssumptionsExperiment.run({
  size: 'tiny',
  seed: 0,
  mnist: { train, test: testSet },
}).numbers;

test("with reduction 'sum' the batch gradient is the sum of per-sample gradients, with 'mean' their mean", () => {
  assert.ok((n.sumDifference as number) < 1e-12, String(n.sumDifference));
  assert.ok((n.meanDifference as number) < 1e-12, String(n.meanDifference));
});

test('the product of p(t|x) over the training images underflows while Σ log p stays finite', () => {
  assert.ok((n.trainAccuracy as number) > 0.8, String(n.trainAccuracy));
  assert.ok((n.product as number) < 2.2e-308);
  assert.ok((n.firstSubnormal as number) > 0);
  assert.ok(Number.isFinite(n.logSum as number) && (n.logSum as number) < -708);
});

test('at a constant p = 0.9 the product leaves the normal range at N = 6724 (float64) and 829 (float32)', () => {
  assert.deepEqual(n.underflowAtP09, { float64: 6724, float32: 829 });
  assert.equal(
    underflowCount(0.5, 2 ** -1022, (v) => v),
    1023,
  );
});

test('1 − accuracy has no numerical gradient: it is not a sum of smooth per-sample losses', () => {
  assert.equal(n.accuracyLossNonzeroGradients, 0);
});
