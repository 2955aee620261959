import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { UsageError } from '../../src/cli/cli-error.js';
import { runExperimentCommand } from '../../src/cli/experiment.js';
import { EXPERIMENTS } from '../../src/experiments/registry.js';

const out = mkdtempSync(join(tmpdir(), 'gradlab-experiment-'));
after(() => rmSync(out, { recursive: true, force: true }));

test('--list prints one line per experiment with its claim', async () => {
  const lines: string[] = [];
  await runExperimentCommand(undefined, { list: true, seed: 0, out, backend: 'js' }, (l) =>
    lines.push(l),
  );
  assert.equal(lines.length, EXPERIMENTS.length);
  for (const e of EXPERIMENTS)
    assert.ok(
      lines.some((l) => l.startsWith(e.name) && l.includes(e.claim)),
      e.name,
    );
});

test('running one experiment writes its folder and the gallery', async () => {
  const lines: string[] = [];
  await runExperimentCommand('learning-rate', { size: 'tiny', seed: 0, out, backend: 'js' }, (l) =>
    lines.push(l),
  );
  assert.ok(existsSync(join(out, 'learning-rate', 'summary.json')));
  assert.ok(existsSync(join(out, 'learning-rate', 'iterates.png')));
  assert.ok(existsSync(join(out, 'index.html')));
  assert.ok(lines.some((l) => l.includes('η = 10')));
});

test('Ctrl-C during an experiment is held until its folder is written whole, then the command stops with 130', async () => {
  const dir = join(out, 'interrupted');
  const lines: string[] = [];
  // A listener of our own keeps the test process alive whatever happens.
  const keepAlive = (): void => {};
  process.on('SIGINT', keepAlive);
  try {
    const code = await runExperimentCommand(
      'learning-rate',
      { size: 'tiny', seed: 0, out: dir, backend: 'js' },
      (l) => {
        lines.push(l);
        // Sent while the experiment computes: delivered once the writing has begun.
        if (l.startsWith('learning-rate:')) process.kill(process.pid, 'SIGINT');
      },
    );
    assert.equal(code, 130);
  } finally {
    process.off('SIGINT', keepAlive);
  }
  assert.match(
    lines.at(-1) ?? '',
    /^interrupted \(SIGINT\) after writing .*learning-rate\/ whole; gallery not refreshed$/,
  );
  const summary = JSON.parse(readFileSync(join(dir, 'learning-rate', 'summary.json'), 'utf8'));
  for (const f of summary.figures) assert.ok(existsSync(join(dir, 'learning-rate', f.png)), f.png);
  assert.ok(!existsSync(join(dir, 'index.html')));
});

test('an unknown experiment is a usage error naming the known ones', async () => {
  await assert.rejects(
    runExperimentCommand('nope', { seed: 0, out, backend: 'js' }, () => {}),
    (e: unknown) => {
      assert.ok(e instanceof UsageError);
      assert.match(e.message, /numerical-diff/);
      return true;
    },
  );
});

test("the registered experiments each have a kebab-case name and a claim citing the book's chapter", () => {
  const names = EXPERIMENTS.map((e) => e.name);
  assert.equal(new Set(names).size, names.length);
  for (const e of EXPERIMENTS) {
    assert.match(e.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.match(e.claim, /ch0\d/, `${e.name} claim cites a chapter`);
    assert.match(e.book, /^ch0\d/);
  }
  assert.deepEqual([...names].sort(), [
    'backprop-assumptions',
    'batch-size',
    'computational-graph',
    'gradient-descent',
    'gradient-field',
    'layer-backward',
    'learning-rate',
    'likelihood-heads',
    'loss-vs-accuracy',
    'losses',
    'max-likelihood',
    'model-selection',
    'mse-vs-cross-entropy',
    'newton-method',
    'nonconvex-descent',
    'numerical-diff',
    'overfitting',
    'partial-derivatives',
    'polynomial-fit',
    'regression-uncertainty',
    'shortcut-learning',
    'simple-net',
    'total-derivative',
    'train-mnist',
    'why-negative-gradient',
  ]);
});
