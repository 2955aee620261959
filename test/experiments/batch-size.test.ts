import assert from 'node:assert/strict';
import { test } from 'node:test';
import { batchSizeExperiment } from '../../src/experiments/batch-size.js';
import { loadDataset } from '../../src/platform/node/datasets.js';

const { train, test: testSet } = loadDataset('mnist');
const mnist = { train, test: testSet };

test('at equal samples seen, small batches make more and noisier updates', () => {
  const r = batchSizeExperiment.run({ size: 'tiny', seed: 0, mnist });
  const n = r.numbers;
  assert.deepEqual(n.batches, [1, 10, 100, 1000]);
  assert.deepEqual(n.updates, [2000, 200, 20, 2]);
  const spread = n.lossSpread as number[];
  for (let i = 1; i < spread.length; i++) assert.ok(spread[i]! < spread[i - 1]!, spread.join(', '));
  // Without a clock the experiment times nothing and draws no throughput figure.
  assert.deepEqual(n.timings, []);
  assert.deepEqual(
    r.figures.map((f) => f.name),
    ['noise'],
  );
});

test('with a clock it reports microseconds per image for each batch size and backend', () => {
  let t = 0;
  // A fake clock that advances 1 ms a reading: the numbers are exact and the run is short.
  const r = batchSizeExperiment.run({ size: 'tiny', seed: 0, mnist, now: () => t++ });
  const timings = r.numbers.timings as { backend: string; microsecondsPerSample: number[] }[];
  assert.equal(timings.length, 1);
  assert.equal(timings[0]!.backend, 'active');
  assert.equal(timings[0]!.microsecondsPerSample.length, 5);
  for (const v of timings[0]!.microsecondsPerSample) assert.ok(v > 0 && Number.isFinite(v));
  assert.deepEqual(
    r.figures.map((f) => f.name),
    ['throughput', 'noise'],
  );
});
