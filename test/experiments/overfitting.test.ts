import assert from 'node:assert/strict';
import { test } from 'node:test';
import { overfittingExperiment } from '../../src/experiments/overfitting.js';
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

test('it draws the baseline, the three cures against it, and the gaps', () => {
  assert.deepEqual(
    r.figures.map((f) => f.name),
    ['baseline', 'weight-decay', 'dropout', 'more-data', 'gaps'],
  );
});

test('it refuses to run without MNIST', () => {
  assert.throws(() => overfittingExperiment.run({ size: 'tiny', seed: 0 }), /context\.mnist/);
});
