import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mseVsCrossEntropyExperiment } from '../../src/experiments/mse-vs-cross-entropy.js';
import { softmaxBackward, softmaxSquaredError } from '../../src/experiments/softmax-mse.js';
import { loadDataset } from '../../src/platform/node/datasets.js';
import { compileMessages } from '../plot/compile-spec.js';
import { numericalDiff } from '../../src/numerical/numerical-diff.js';
import { tensor } from '../../src/tensor/creation.js';

const { train, test: testSet } = loadDataset('mnist');
const r = mseVsCrossEntropyExperiment.run({
  size: 'tiny',
  seed: 0,
  mnist: { train, test: testSet },
});
const n = r.numbers;

test("for a confidently wrong output the squared error's logit gradient vanishes while cross-entropy's does not", () => {
  const sig = n.sigmoidAtMinus10 as { mse: number; ce: number };
  const soft = n.softmaxAt10 as { mse: number; ce: number };
  assert.ok(Math.abs(sig.mse) < 1e-4 && Math.abs(sig.ce) > 0.99, JSON.stringify(sig));
  assert.ok(Math.abs(soft.mse) < 1e-3 && Math.abs(soft.ce) > 0.99, JSON.stringify(soft));
});

test('with the same seed and batches, cross-entropy reaches a higher test accuracy than the squared error', () => {
  const t = n.training as { crossEntropy: number[]; squaredError: number[] };
  assert.equal(t.crossEntropy[0], t.squaredError[0]);
  assert.ok(
    t.crossEntropy.at(-1)! > t.squaredError.at(-1)!,
    `${t.crossEntropy.at(-1)} vs ${t.squaredError.at(-1)}`,
  );
});

test('the squared error gradient through the softmax matches central differences', () => {
  const logits = [0.3, -1.2, 2.0, 0.5];
  const { dz } = softmaxSquaredError(tensor([logits]), Int32Array.of(1));
  logits.forEach((_, k) => {
    const f = (v: number) =>
      softmaxSquaredError(tensor([logits.map((l, j) => (j === k ? v : l))]), Int32Array.of(1)).loss;
    assert.ok(Math.abs(dz.data[k]! - numericalDiff(f, logits[k]!)) < 1e-9, `logit ${k}`);
  });
  assert.deepEqual(Array.from(softmaxBackward([0.5, 0.5], [1, 0])), [0.25, -0.25]);
});

test('its figures compile without Vega-Lite warnings', () => {
  assert.ok(r.figures.length >= 3);
  for (const f of r.figures) assert.deepEqual(compileMessages(f.spec), [], f.name);
});
