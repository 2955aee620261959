import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  createLineReporter,
  formatDuration,
  formatEpoch,
} from '../../src/cli/progress-reporter.js';

test('durations print as m:ss or h:mm:ss', () => {
  assert.equal(formatDuration(0), '0:00');
  assert.equal(formatDuration(75.4), '1:15');
  assert.equal(formatDuration(3 * 3600 + 61), '3:01:01');
  assert.equal(formatDuration(Number.NaN), '--:--');
});

test('the epoch line aligns epoch and iteration and prints four decimals', () => {
  const e = {
    epoch: 1,
    iteration: 600,
    trainAccuracy: 0.9,
    testAccuracy: 0.91234,
    validationAccuracy: null,
  };
  assert.equal(
    formatEpoch(e, 16, 10000),
    'epoch  1/16  iteration   600  train acc 0.9000  test acc 0.9123',
  );
  assert.match(
    formatEpoch({ ...e, validationAccuracy: 0.5 }, 16, 10000),
    /validation acc 0\.5000$/,
  );
  assert.match(formatEpoch(e, 0, 200), /^epoch 1  iteration/);
});

test('without a terminal a progress line appears every 5% of the run', () => {
  const lines: string[] = [];
  const r = createLineReporter(100, (l) => lines.push(l));
  for (let i = 1; i <= 100; i++) r.step(i, 1 / i);
  assert.equal(lines.length, 20);
  assert.match(lines[0], /^iteration {3}5\/100 {2}loss 0\.2000 {2}\d+ it\/s {2}ETA \d+:\d\d$/);
});
