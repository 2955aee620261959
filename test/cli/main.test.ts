import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { decodeCheckpoint } from '../../src/train/checkpoint.js';
import { loadModel } from '../../src/train/model-file.js';
import {
  assertOneLine,
  runCli,
  runMain,
  writeTinyIdxDataset,
  type CliResult,
} from './cli-harness.js';

// The CLI is spawned through tsx (about a second each), so these tests start their processes
// together and check them afterwards.
const root = mkdtempSync(join(tmpdir(), 'gradlab-cli-'));
const data = join(root, 'data');
const train = (out: string, ...more: string[]): string[] => [
  'train',
  '--data',
  data,
  '--hidden',
  '8',
  '--batch-size',
  '20',
  '--iters',
  '600',
  '--out',
  join(root, out),
  ...more,
];
let whole: CliResult;
let interrupted: CliResult;
let killed: CliResult;
let usage: CliResult[];
let badFiles: CliResult[];
let diverged: CliResult;

before(async () => {
  writeTinyIdxDataset(data);
  writeFileSync(
    join(root, 'garbage.safetensors'),
    Uint8Array.of(255, 255, 255, 255, 255, 255, 255, 127, 1, 2, 3),
  );
  const spawned = Promise.all([
    runCli(train('whole')),
    runCli(train('int', '--no-charts'), {
      interrupt: { when: /epoch {2}3\//, signal: 'SIGINT', holdAfterEpoch: 3 },
    }),
    runCli(train('kill', '--no-charts'), {
      interrupt: { when: /epoch {2}5\//, signal: 'SIGKILL', holdAfterEpoch: 5 },
    }),
    runCli(['train', '--lr', '-1']),
    runCli(['train', '--data', join(root, 'nowhere')]),
    runCli(train('div', '--lr', '1e6', '--no-charts')),
  ]);
  // One at a time: runMain swaps process.stdout/stderr.write while main() runs.
  const more: CliResult[] = [];
  for (const args of [
    ['train', '--bogus'],
    ['train', '--iters', '5', '--epochs', '2'],
    ['predict', '--model', 'x.safetensors'],
    ['eval', '--model', join(root, 'garbage.safetensors')],
    ['eval', '--model', root],
  ]) {
    more.push(await runMain(args));
  }
  let lrError: CliResult;
  let noData: CliResult;
  [whole, interrupted, killed, lrError, noData, diverged] = await spawned;
  usage = [lrError, ...more.slice(0, 3)];
  badFiles = [noData, ...more.slice(3)];
});

after(() => rmSync(root, { recursive: true, force: true }));

test('wrong options exit 2 with one line on stderr', () => {
  for (const r of usage) {
    assert.equal(r.code, 2, r.stderr);
    assertOneLine(r);
  }
  assert.match(usage[0].stderr, /'--lr <rate>' argument '-1' is invalid/);
  assert.match(usage[2].stderr, /either iterations or epochs/);
});

test('bad files and data exit 1 with one line naming them, no stack trace', () => {
  for (const r of badFiles) {
    assert.equal(r.code, 1, r.stderr);
    assertOneLine(r);
  }
  assert.match(badFiles[0].stderr, /nowhere/);
  assert.match(badFiles[1].stderr, /garbage\.safetensors/);
  assert.match(badFiles[2].stderr, /expected a file, found a directory/);
});

test('a diverging run stops with one line naming the iteration and rate, exit 1, metrics kept, no model', () => {
  assert.equal(diverged.code, 1);
  assertOneLine(diverged);
  assert.match(
    diverged.stderr,
    /^gradlab: training diverged at iteration \d: .* learning rate 1000000; try a smaller learning rate/,
  );
  const dir = join(root, 'div');
  assert.equal(JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8')).status, 'diverged');
  assert.ok(!readdirSync(dir).includes('model.safetensors'));
});

test('a training run prints epoch lines and a final line and writes the run folder', () => {
  assert.equal(whole.code, 0, whole.stderr);
  assert.match(
    whole.stdout,
    /^epoch {2}0\/40  iteration {3}0  train acc 0\.\d{4}  test acc 0\.\d{4}  train loss \d\.\d{4}  test loss \d\.\d{4}$/m,
  );
  assert.match(
    whole.stdout,
    /final: train acc (0\.\d{4}|1\.0000), test acc (0\.\d{4}|1\.0000), train loss \d\.\d{4}, test loss \d\.\d{4} .*run written to /,
  );
  const dir = join(root, 'whole');
  assert.deepEqual(readdirSync(dir).sort(), [
    'accuracy.png',
    'accuracy.svg',
    'checkpoint.safetensors',
    'loss.png',
    'loss.svg',
    'metrics.csv',
    'metrics.json',
    'model.safetensors',
  ]);
  const metrics = JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8'));
  assert.equal(metrics.status, 'complete');
  assert.equal(metrics.loss.length, 600);
  assert.equal(metrics.epochs.length, 41);
  assert.equal(metrics.options.batchSize, 20);
  assert.ok(metrics.final.testAccuracy >= 0.9, `test accuracy ${metrics.final.testAccuracy}`);
  assert.equal(
    readFileSync(join(dir, 'metrics.csv'), 'utf8').trimEnd().split('\n').length,
    1 + 601,
  );
  assert.deepEqual([...readFileSync(join(dir, 'loss.png')).subarray(1, 4)], [0x50, 0x4e, 0x47]);
  assert.match(readFileSync(join(dir, 'accuracy.svg'), 'utf8'), /^<svg/);
  const model = loadModel(readFileSync(join(dir, 'model.safetensors')), 'model');
  assert.deepEqual(model.config.hiddenSizes, [8]);
});

test('Ctrl-C writes a checkpoint and exits 130; --resume ends exactly where the uninterrupted run did', async () => {
  assert.equal(interrupted.code, 130, interrupted.stderr);
  assert.match(interrupted.stdout, /interrupted at iteration \d+\/600; checkpoint written/);
  const dir = join(root, 'int');
  assert.equal(JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8')).status, 'interrupted');
  const resumed = await runCli(['train', '--resume', dir, '--no-charts']);
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.deepEqual(
    readFileSync(join(dir, 'model.safetensors')),
    readFileSync(join(root, 'whole', 'model.safetensors')),
  );
});

test('after SIGKILL the last epoch checkpoint is whole and resuming from it gives the same model', async () => {
  assert.equal(killed.signal, 'SIGKILL');
  const dir = join(root, 'kill');
  const path = join(dir, 'checkpoint.safetensors');
  const { state } = decodeCheckpoint(readFileSync(path), path);
  assert.ok(
    state.iteration >= 60 && state.iteration % 15 === 0,
    `checkpoint at ${state.iteration}`,
  );
  const [resumed, evaluated] = await Promise.all([
    runCli(['train', '--resume', dir, '--no-charts']),
    runCli(['eval', '--model', join(root, 'whole', 'model.safetensors'), '--data', data]),
  ]);
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.deepEqual(
    readFileSync(join(dir, 'model.safetensors')),
    readFileSync(join(root, 'whole', 'model.safetensors')),
  );
  const final = JSON.parse(readFileSync(join(root, 'whole', 'metrics.json'), 'utf8')).final
    .testAccuracy;
  assert.equal(
    evaluated.stdout.trim(),
    `test accuracy ${final.toFixed(4)} (${Math.round(final * 100)}/100) on ${data}`,
  );
});

test('--resume refuses options that would change the run, and a new run refuses an old folder', async () => {
  const [changed, again] = await Promise.all([
    runCli(['train', '--resume', join(root, 'whole'), '--lr', '0.5']),
    runCli(train('whole')),
  ]);
  for (const r of [changed, again]) {
    assert.equal(r.code, 2);
    assertOneLine(r);
  }
  assert.match(changed.stderr, /drop --lr/);
  assert.match(again.stderr, /already holds a run; continue it with --resume/);
});

test('predict prints the class probabilities of a test image and gradcheck the per-parameter differences', async () => {
  const model = join(root, 'whole', 'model.safetensors');
  const [predicted, checked, noImage] = await Promise.all([
    runCli(['predict', '--model', model, '--index', '3', '--data', data]),
    runCli(['gradcheck', '--data', data, '--hidden', '8']),
    runCli(['predict', '--model', model, '--index', '100', '--data', data]),
  ]);
  assert.equal(predicted.code, 0, predicted.stderr);
  const lines = predicted.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^prediction: \d, probability [01]\.\d{4} \(label \d\)$/);
  assert.equal(lines.length, 11);
  const total = lines
    .slice(1)
    .reduce((s, l) => s + Number(l.trim().replace(/^▶ /, '').split(/\s+/)[1]), 0);
  assert.ok(Math.abs(total - 1) < 0.002, `probabilities sum to ${total}`);
  assert.equal(checked.code, 0, checked.stderr);
  for (const key of ['W1', 'b1', 'W2', 'b2']) {
    const m = new RegExp(`^${key}: mean \\|backprop − numerical\\| (\\S+),`, 'm').exec(
      checked.stdout,
    );
    assert.ok(m !== null && Number(m[1]) < 1e-8, `${key}: ${m?.[1]}`);
  }
  assert.equal(noImage.code, 2);
  assertOneLine(noImage);
  assert.match(noImage.stderr, /--index 100 is out of range: the test set has 100 images/);
});
