import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli, writeTinyIdxDataset } from './cli-harness.js';

const root = mkdtempSync(join(tmpdir(), 'gradlab-invert-'));
const data = join(root, 'data');
writeTinyIdxDataset(data);
after(() => rmSync(root, { recursive: true, force: true }));

test('eval --invert measures the model on inverted images (dark on white), and says so', async () => {
  const out = join(root, 'run');
  const trained = await runCli([
    'train',
    '--data',
    data,
    '--hidden',
    '8',
    '--batch-size',
    '20',
    '--iters',
    '300',
    '--no-charts',
    '--out',
    out,
  ]);
  assert.equal(trained.code, 0, trained.stderr);
  const model = join(out, 'model.safetensors');
  const [plain, inverted] = await Promise.all([
    runCli(['eval', '--model', model, '--data', data, '--json']),
    runCli(['eval', '--model', model, '--data', data, '--json', '--invert']),
  ]);
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(inverted.code, 0, inverted.stderr);
  const last = (s: string) =>
    JSON.parse(s.trimEnd().split('\n').at(-1)!) as Record<string, unknown>;
  const a = last(plain.stdout);
  const b = last(inverted.stdout);
  assert.equal(b.inverted, 'yes');
  assert.equal(a.inverted, undefined);
  assert.match(inverted.stdout, /^test accuracy \d\.\d{4} \(\d+\/100\) on .* \(inverted\)$/m);
  assert.ok((a.accuracy as number) > 0.9, String(a.accuracy));
  assert.ok(
    (b.accuracy as number) < (a.accuracy as number) - 0.3,
    `${b.accuracy} vs ${a.accuracy}`,
  );
});
