import assert from 'node:assert/strict';
import { test } from 'node:test';
import { overfittingExperiment } from '../../src/experiments/overfitting.js';
import { earlyStoppingIndex } from '../../src/experiments/overfitting-runs.js';
import { loadDataset } from '../../src/platform/node/datasets.js';
import { compileMessages } from '../plot/compile-spec.js';

const { train, test: testSet } = loadDataset('mnist');
const r = overfittingExperiment.run({ size: 'tiny', seed: 0, mnist: { train, test: testSet } });
const gap = r.numbers.gap as Record<string, number>;

test('on a small training set the train − test accuracy gap exceeds 0.2', () => {
  assert.ok(gap.baseline! > 0.2, `baseline gap ${gap.baseline}`);
  const baseline = r.numbers.baseline as { trainAccuracy: number[] };
  assert.ok(baseline.trainAccuracy.at(-1)! > 0.95);
});

test('weight decay shrinks the gap, and so does more data', () => {
  assert.ok(
    gap['weight-decay']! < gap.baseline!,
    `weight decay ${gap['weight-decay']} vs ${gap.baseline}`,
  );
  assert.ok(
    gap['more-data']! < gap.baseline! - 0.1,
    `more data ${gap['more-data']} vs ${gap.baseline}`,
  );
});

test('a smaller model shrinks the gap too', () => {
  assert.ok(
    gap['smaller-model']! < gap.baseline!,
    `smaller ${gap['smaller-model']} vs ${gap.baseline}`,
  );
});

test('the test loss falls and then rises; early stopping picks its minimum', () => {
  const baseline = r.numbers.baseline as { testLoss: number[]; trainLoss: number[] };
  const stop = r.numbers.earlyStopping as {
    index: number;
    testLoss: number;
    finalTestLoss: number;
  };
  const last = baseline.testLoss.length - 1;
  assert.ok(stop.index > 0 && stop.index < last, `minimum at evaluation ${stop.index} of ${last}`);
  assert.equal(stop.testLoss, Math.min(...baseline.testLoss));
  assert.ok(stop.finalTestLoss > stop.testLoss);
  // The training loss keeps falling meanwhile.
  assert.ok(baseline.trainLoss.at(-1)! < baseline.trainLoss[stop.index]!);
});

test('it draws the baseline, its loss curves, the four cures against it, and the gaps', () => {
  assert.deepEqual(
    r.figures.map((f) => f.name),
    ['baseline', 'loss-curves', 'weight-decay', 'dropout', 'more-data', 'smaller-model', 'gaps'],
  );
});

test('earlyStoppingIndex is the first evaluation with the lowest held-out loss', () => {
  assert.equal(earlyStoppingIndex([0.9, 0.5, 0.6, 0.5]), 1);
  assert.equal(earlyStoppingIndex([3]), 0);
});

test('it refuses to run without MNIST', () => {
  assert.throws(() => overfittingExperiment.run({ size: 'tiny', seed: 0 }), /context\.mnist/);
});
