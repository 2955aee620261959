import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  figuresOf,
  formatBenchTable,
  STEP_FLOPS,
  type BenchRow,
} from '../../bench/bench-report.js';
import { checkTargets, formatTargets } from '../../bench/bench-targets.js';
import { planFor } from '../../bench/run.js';

/** A row measured at full length: 10,000 iterations, every evaluation timed. */
function row(
  id: BenchRow['id'],
  evaluations: boolean,
  stepSeconds: number,
  evalSeconds = 0,
): BenchRow {
  const standard = id === 'wasm' || id === 'js' ? 18 : 17;
  return {
    id,
    label: id,
    evaluations,
    iterationsRun: 10_000,
    evaluationsRun: evaluations ? standard : 0,
    evaluationsStandard: standard,
    stepSeconds,
    evalSeconds: evaluations ? evalSeconds : 0,
    peakRssMb: 200,
  };
}

const fake: BenchRow[] = [
  row('wasm', true, 4, 1.4), // 5.4 s
  row('numpy-book', true, 9, 4), // 13 s
  row('numpy-f32', true, 3, 0.5),
  {
    ...row('tfjs-wasm', true, 0.9, 0.5),
    iterationsRun: 300, // 3 ms per iteration → 30 s + 17 × 0.5 s
    evaluationsRun: 1,
  },
  row('wasm', false, 4),
  row('numpy-f32', false, 3),
];

test('the step FLOPs are those of the five products of 784-50-10 at batch 100', () => {
  assert.equal(STEP_FLOPS, 15_980_000);
});

test('a full-length row is not extrapolated; a short one is, with its evaluations per pass', () => {
  const full = figuresOf(fake[0]);
  assert.equal(full.estimated, false);
  assert.ok(Math.abs(full.totalSeconds - 5.4) < 1e-12);
  assert.ok(Math.abs(full.msPerIteration - 0.4) < 1e-12);
  assert.ok(Math.abs(full.stepGflops - 39.95) < 1e-9);
  const tfjs = figuresOf(fake[3]);
  assert.equal(tfjs.estimated, true);
  assert.ok(Math.abs(tfjs.totalSeconds - (30 + 17 * 0.5)) < 1e-9);
});

test('the table has a line per row with the ratios to NumPy of the same evaluation mode', () => {
  const lines = formatBenchTable(fake).split('\n');
  assert.equal(lines.length, 2 + fake.length);
  assert.match(lines[0], /^\| implementation \| evaluations \|/);
  assert.equal(lines[2], '| wasm | 18 | 10,000 | 5.40 | 0.400 | 40.0 | 200 | 0.42× | 1.33× |');
  assert.match(lines[5], /^\| tfjs-wasm \| 17 \(1 timed\) \| 300 \| 38\.50 est\. \| 3\.000 \|/);
  // Without evaluations there is no book-style row: its ratio is a dash.
  assert.equal(lines[6], '| wasm | none | 10,000 | 4.00 | 0.400 | 40.0 | 200 | – | 1.33× |');
});

test('the targets are PASS or MISS from the measured ratios and n/a without a peer', () => {
  const numerical = { gradlabSeconds: 0.1, numpySeconds: 30, maxAbsDiff: 1e-12 };
  const results = checkTargets(fake, numerical);
  assert.deepEqual(
    results.map((r) => r.status),
    ['MISS', 'PASS', 'PASS', 'PASS', 'n/a'],
  );
  assert.equal(results[0].detail, 'gradlab wasm 5.40 s / book-style NumPy 13.00 s = 0.415×');
  assert.equal(results[1].detail, 'gradlab wasm 5.40 s / TensorFlow.js (est.) 38.50 s = 0.140×');
  const faster = checkTargets([row('wasm', true, 3, 1.4), ...fake.slice(1)], 'skipped');
  assert.equal(faster[0].status, 'PASS');
  assert.equal(faster[3].status, 'n/a');
  const noNumpy = checkTargets(
    fake.filter((r) => !r.id.startsWith('numpy')),
    { ...numerical, maxAbsDiff: 2e-9 },
  );
  assert.deepEqual(
    noNumpy.map((r) => r.status),
    ['n/a', 'PASS', 'n/a', 'MISS', 'n/a'],
  );
  assert.match(formatTargets(results).split('\n')[0], /^MISS  standard experiment/);
});

test('quick mode runs everything short and skips the numerical gradient; full runs JS at length', () => {
  assert.equal(planFor('quick').numerical, false);
  assert.ok(planFor('quick').wasm.withEval < 10_000);
  assert.equal(planFor('default').wasm.withEval, 10_000);
  assert.ok(planFor('default').js.withoutEval < 10_000);
  assert.equal(planFor('full').js.withEval, 10_000);
});
