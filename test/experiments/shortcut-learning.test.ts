import assert from 'node:assert/strict';
import { test } from 'node:test';
import { invertImages } from '../../src/data/invert-images.js';
import {
  shortcutLearningExperiment,
  twoDigitSet,
} from '../../src/experiments/shortcut-learning.js';
import { loadDataset } from '../../src/platform/node/datasets.js';
import { createRng } from '../../src/tensor/rng.js';

const { train, test: testSet } = loadDataset('mnist');

test('twoDigitSet keeps two digits as classes 0 and 1 and greys the chosen backgrounds', () => {
  const ds = twoDigitSet(testSet, [3, 8], (label) => label === 1, createRng(0));
  assert.equal(ds.classes, 2);
  let threes = 0;
  for (let n = 0; n < testSet.count; n++) if (testSet.labels[n] === 3) threes++;
  const zeros = ds.labels.filter((l) => l === 0).length;
  assert.equal(zeros, threes);
  const size = ds.rows * ds.cols;
  for (let n = 0; n < 20; n++) {
    const min = Math.min(...ds.images.subarray(n * size, (n + 1) * size));
    assert.equal(min, ds.labels[n] === 1 ? 128 : 0, `image ${n}`);
  }
  assert.equal(invertImages(testSet).images[0], 255 - testSet.images[0]!);
});

test('a net trained on black 3s and grey 8s learns the background: swapped backgrounds collapse', () => {
  const n = shortcutLearningExperiment.run({
    size: 'tiny',
    seed: 0,
    mnist: { train, test: testSet },
  }).numbers;
  const a = n.shortcut as Record<string, number>;
  const c = n.control as Record<string, number>;
  assert.ok(a.train! >= 0.98 && a.matched! >= 0.98, `matched ${a.matched}`);
  assert.ok(a.flipped! <= 0.2, `flipped ${a.flipped}`);
  // The control, trained with random backgrounds, does not care which background a digit has.
  assert.ok(c.flipped! >= 0.9 && c.matched! >= 0.9, `control ${c.matched} ${c.flipped}`);
  assert.ok(Math.abs(c.flipped! - c.matched!) < 0.05);
  // Inverted digits (dark ink on white paper) fall far below the plain test accuracy.
  assert.ok((n.standardTest as number) > 0.85);
  assert.ok((n.standardInverted as number) < 0.3, String(n.standardInverted));
});
