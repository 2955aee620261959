import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { flagOf } from '../../src/cli/cli-error.js';
import { assertOneLine, runCli, writeTinyIdxDataset } from './cli-harness.js';

const root = mkdtempSync(join(tmpdir(), 'gradlab-es-'));
const data = join(root, 'data');
writeTinyIdxDataset(data);
after(() => rmSync(root, { recursive: true, force: true }));

const base = ['train', '--data', data, '--hidden', '8', '--batch-size', '20', '--no-charts'];

test('--early-stopping stops when the validation loss stops falling and says which epoch the model keeps', async () => {
  // lr 2 overshoots on this small set: the validation loss stalls after a few epochs.
  const out = join(root, 'es');
  const r = await runCli([
    ...base,
    '--epochs',
    '100',
    '--lr',
    '2',
    '--validation',
    '0.25',
    '--early-stopping',
    '2',
    '--out',
    out,
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(
    r.stdout,
    /^early stopping: stopped at iteration \d+; best validation loss \d\.\d{4} at epoch \d+ \(iteration \d+\), whose parameters the model keeps$/m,
  );
  assert.ok(existsSync(join(out, 'model.safetensors')));
});

test('--early-stopping without validation data is a usage error naming the flag', async () => {
  const r = await runCli([
    ...base,
    '--iters',
    '10',
    '--early-stopping',
    '2',
    '--out',
    join(root, 'no'),
  ]);
  assert.equal(r.code, 2);
  assertOneLine(r);
  assert.match(r.stderr, /^gradlab: --early-stopping: early stopping watches the validation loss/);
  assert.equal(flagOf('learningRate'), '--lr');
  assert.equal(flagOf('weightDecay'), '--weight-decay');
});
