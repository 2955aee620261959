import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import pngjs from 'pngjs';
import { createNetwork } from '../../src/models/create-network.js';
import { createRng } from '../../src/tensor/rng.js';
import { encodeModel } from '../../src/train/model-file.js';
import { assertOneLine, runCli, runMain, writeTinyIdxDataset } from './cli-harness.js';

// Misuse of every command, end to end through main(): each case must print one line naming
// the problem, no stack trace, and exit 2 (a wrong option) or 1 (a bad file or data set).
// In-process, since all of them fail before any training; only the Ctrl-C cases spawn.
const root = mkdtempSync(join(tmpdir(), 'gradlab-misuse-'));
after(() => rmSync(root, { recursive: true, force: true }));
const at = (name: string): string => join(root, name);
const tiny = at('tiny'); // 8×8 images, 300 train / 100 test
const small = at('small'); // 10×10 images, 300 train / 100 test
const badLabels = at('bad-labels');
const halfData = at('half-data');

function writeModel(path: string, inputSize: number): void {
  const config = {
    kind: 'two-layer',
    inputSize,
    hiddenSizes: [5],
    outputSize: 10,
    activation: 'relu',
    weightDecay: 0,
    dropout: 0,
    dtype: 'float32',
  } as const;
  writeFileSync(path, encodeModel(createNetwork(config, createRng(0))));
}

before(() => {
  writeTinyIdxDataset(tiny);
  writeTinyIdxDataset(small, 10);
  writeTinyIdxDataset(badLabels, 8, (l) => (l[3] = 12));
  writeTinyIdxDataset(halfData);
  rmSync(join(halfData, 'train-labels-idx1-ubyte'));
  writeModel(at('m784.safetensors'), 784);
  writeModel(at('m64.safetensors'), 64);
  const png = new pngjs.PNG({ width: 4, height: 4 });
  png.data.fill(255);
  writeFileSync(at('digit.png'), pngjs.PNG.sync.write(png));
  writeFileSync(at('notes.png'), 'not a png at all');
  writeFileSync(at('empty.png'), '');
  writeFileSync(at('a-file'), 'x');
  mkdirSync(at('no-checkpoint'));
});

const train = (...more: string[]): string[] => [
  'train',
  '--data',
  tiny,
  '--hidden',
  '4',
  '--iters',
  '3',
  '--no-charts',
  ...more,
];

/** [what, argv, exit code, pattern the one line must match] */
const CASES: [string, () => string[], 1 | 2, RegExp][] = [
  [
    'batch size larger than the data',
    () => train('--batch-size', '500', '--out', at('o1')),
    2,
    /batch size 500 is larger than the 300 training samples; use a batch size ≤ 300/,
  ],
  [
    'negative learning rate',
    () => train('--lr', '-0.1'),
    2,
    /'--lr <rate>' argument '-0\.1' is invalid\. expected a finite number > 0/,
  ],
  ['zero learning rate', () => train('--lr', '0'), 2, /'--lr <rate>' argument '0' is invalid/],
  ['NaN learning rate', () => train('--lr', 'NaN'), 2, /argument 'NaN' is invalid/],
  [
    'negative weight decay',
    () => train('--weight-decay', '-1'),
    2,
    /'--weight-decay <lambda>' argument '-1' is invalid\. expected a finite number ≥ 0/,
  ],
  [
    'dropout 1',
    () => train('--dropout', '1'),
    2,
    /'--dropout <ratio>' argument '1' is invalid\. expected a number in \[0, 1\)/,
  ],
  [
    'negative dropout',
    () => train('--dropout', '-0.1'),
    2,
    /argument '-0\.1' is invalid\. expected a number in \[0, 1\)/,
  ],
  [
    'hidden size 0',
    () => train('--hidden', '0'),
    2,
    /'--hidden <sizes>' argument '0' is invalid\. expected positive integers/,
  ],
  [
    'a hidden layer too large to allocate',
    () => train('--hidden', '2000000000', '--out', at('o2')),
    1,
    /cannot grow WebAssembly memory from .* to 476\.8 GiB/,
  ],
  [
    'labels out of range',
    () => ['train', '--data', badLabels, '--iters', '3', '--out', at('o3')],
    1,
    /train-labels-idx1-ubyte: label 3 is 12: expected a class index in 0\.\.9/,
  ],
  [
    'eval with a 784-input model on 100-pixel images',
    () => ['eval', '--model', at('m784.safetensors'), '--data', small],
    1,
    /m784\.safetensors: the model takes 784 inputs and gives 10 classes, but .*small has 10×10 = 100 pixels/,
  ],
  [
    'predict --index with a 784-input model on 100-pixel images',
    () => ['predict', '--model', at('m784.safetensors'), '--data', small, '--index', '0'],
    1,
    /the model takes 784 inputs .* 10×10 = 100 pixels/,
  ],
  [
    'predict --image with a 64-input model',
    () => ['predict', '--model', at('m64.safetensors'), '--image', at('digit.png')],
    1,
    /m64\.safetensors: the model takes 64 inputs, but --image gives 28×28 = 784 pixels/,
  ],
  [
    'predict --index out of range',
    () => ['predict', '--model', at('m64.safetensors'), '--data', tiny, '--index', '100'],
    2,
    /--index 100 is out of range: the test set has 100 images \(0 … 99\)/,
  ],
  [
    'predict --index negative',
    () => ['predict', '--model', at('m64.safetensors'), '--index', '-1'],
    2,
    /'--index <n>' argument '-1' is invalid/,
  ],
  [
    'predict --image a directory',
    () => ['predict', '--model', at('m784.safetensors'), '--image', root],
    1,
    /: expected a file, found a directory/,
  ],
  [
    'predict --image not a PNG',
    () => ['predict', '--model', at('m784.safetensors'), '--image', at('notes.png')],
    1,
    /notes\.png: not a PNG file: expected the 8-byte PNG signature/,
  ],
  [
    'predict --image an empty file',
    () => ['predict', '--model', at('m784.safetensors'), '--image', at('empty.png')],
    1,
    /empty\.png: expected data, found an empty file \(0 bytes\)/,
  ],
  [
    '--data a folder missing a file',
    () => ['eval', '--model', at('m64.safetensors'), '--data', halfData],
    1,
    /dataset .*half-data: no train labels file in .*; expected one of: train-labels-idx1-ubyte/,
  ],
  [
    '--out a file',
    () => train('--out', at('a-file')),
    2,
    /run folder .*a-file is a file; expected a folder/,
  ],
  [
    '--out inside a file',
    () => train('--out', join(at('a-file'), 'run')),
    2,
    /cannot create the run folder .*a-file\/run \(ENOTDIR\)/,
  ],
  [
    '--resume a folder without a checkpoint',
    () => ['train', '--resume', at('no-checkpoint')],
    1,
    /no-checkpoint: no checkpoint\.safetensors in this folder; expected the folder of a run started by gradlab train/,
  ],
  [
    '--resume a folder that does not exist',
    () => ['train', '--resume', at('nowhere')],
    1,
    /nowhere: no such folder/,
  ],
  ['--resume a file', () => ['train', '--resume', at('a-file')], 1, /a-file: this is a file/],
  [
    '--model a directory',
    () => ['eval', '--model', root, '--data', tiny],
    1,
    /: expected a file, found a directory/,
  ],
];

test('every misuse prints one line naming the problem, no stack trace, exit 2 for options and 1 for files', async () => {
  for (const [what, args, code, pattern] of CASES) {
    const r = await runMain(args());
    assert.equal(r.code, code, `${what}: ${r.stderr}`);
    assertOneLine(r);
    assert.match(r.stderr, pattern, what);
  }
  // No case left a run folder behind (each failed before training).
  assert.deepEqual(
    readdirSync(root).filter((n) => /^o\d$/.test(n)),
    [],
  );
});

/** Every file under `dir`, relative, with a check that it is whole for its kind. */
function assertWholeFiles(dir: string): string[] {
  const names: string[] = [];
  if (!existsSync(dir)) return names;
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      names.push(relative(dir, path));
      assert.doesNotMatch(name, /\.tmp$/, `temporary file left: ${path}`);
      const bytes = readFileSync(path);
      if (name.endsWith('.json')) JSON.parse(bytes.toString('utf8'));
      if (name.endsWith('.svg')) assert.match(bytes.toString('utf8').trimEnd(), /<\/svg>$/, path);
      if (name.endsWith('.png'))
        assert.equal(bytes.subarray(-8, -4).toString('latin1'), 'IEND', path);
      if (name.endsWith('.html')) assert.match(bytes.toString('utf8'), /<\/html>\s*$/, path);
    }
  };
  walk(dir);
  return names;
}

test('Ctrl-C while an experiment writes its figures leaves every file whole and exits 130', async () => {
  const out = at('experiments');
  const r = await runCli(
    ['experiment', 'learning-rate', '--size', 'tiny', '--out', out, '--backend', 'js'],
    { interrupt: { when: /^learning-rate: /m, signal: 'SIGINT' } },
  );
  // The signal lands while the experiment computes (the default action ends the process at
  // once, nothing is being written) or while it writes (held back until its files are whole).
  if (r.signal === null) {
    assert.equal(r.code, 130, r.stderr);
    assert.match(r.stdout, /interrupted \(SIGINT\) after writing .*learning-rate\/ whole/);
    assert.ok(assertWholeFiles(out).includes(join('learning-rate', 'summary.json')));
  } else {
    assert.equal(r.signal, 'SIGINT');
    assertWholeFiles(out);
  }
  assert.equal(r.stderr, '');
});

test('Ctrl-C during eval ends it at once with nothing written and nothing on stderr', async () => {
  // MNIST's 60,000 training images on the JS backend: about 1.5 s of loading and evaluating.
  const before = readdirSync(root).sort();
  const r = await runCli(
    ['eval', '--model', at('m784.safetensors'), '--split', 'train', '--backend', 'js'],
    { interrupt: { afterMs: 1000, signal: 'SIGINT' } },
  );
  assert.ok(r.signal === 'SIGINT' || r.code === 0, `exit ${r.code}, ${r.signal}: ${r.stderr}`);
  assert.equal(r.stderr, '');
  assert.deepEqual(readdirSync(root).sort(), before);
});
