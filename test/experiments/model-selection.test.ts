import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modelSelectionExperiment, splitThree } from '../../src/experiments/model-selection.js';
import { loadDataset } from '../../src/platform/node/datasets.js';

const { train, test: testSet } = loadDataset('mnist');

test('splitThree cuts 8 : 1 : 1 with no image in two parts, the same for the same seed', () => {
  const ds = { ...train, count: 1000, images: train.images.subarray(0, 1000 * 784) };
  const a = splitThree(ds, [8, 1, 1], 3);
  assert.deepEqual([a.train.count, a.validation.count, a.test.count], [800, 100, 100]);
  const b = splitThree(ds, [8, 1, 1], 3);
  assert.deepEqual(b.validation.images, a.validation.images);
  assert.notDeepEqual(splitThree(ds, [8, 1, 1], 4).validation.images, a.validation.images);
});

test('the model is chosen by validation accuracy and the test set is measured once, for it', () => {
  const n = modelSelectionExperiment.run({
    size: 'tiny',
    seed: 0,
    mnist: { train, test: testSet },
  }).numbers;
  const validation = n.validationAccuracy as number[];
  assert.deepEqual(n.hiddenSizes, [10, 50, 200]);
  assert.equal(validation[n.chosenIndex as number], Math.max(...validation));
  assert.deepEqual(n.split, [2400, 300, 300]);
  assert.equal(n.testMeasured, 1);
  const testAccuracy = n.testAccuracy as number;
  assert.ok(testAccuracy > 0.8 && testAccuracy <= 1, String(testAccuracy));
});
