import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { HEAD_NAMES } from '../../src/heads/index.js';
import { createRng } from '../../src/tensor/rng.js';
import { assertOneLine, runCli, writeTinyIdxDataset } from './cli-harness.js';

// Tables end to end: each head trains on a CSV, eval --json ends in one JSON object, predict
// writes draws; every bad file is one line naming file, line and column, exit 1, and leaves no
// run folder. Child processes: main() in this process would capture the test reporter's output.
const root = mkdtempSync(join(tmpdir(), 'gradlab-tables-'));
after(() => rmSync(root, { recursive: true, force: true }));
const at = (name: string): string => join(root, name);

function csv(name: string, text: string): string {
  const path = at(name);
  writeFileSync(path, text);
  return path;
}

/** 120 rows: x1, x2 ~ U(−1, 1) and a target per head family. */
function table(): string {
  const rng = createRng(5);
  const lines = ['x1,x2,value,count,flag,species'];
  for (let i = 0; i < 120; i++) {
    const x1 = 2 * rng.next() - 1;
    const x2 = 2 * rng.next() - 1;
    const value = 3 * x1 - x2 + 0.1 * (rng.next() - 0.5);
    const count = Math.floor(Math.exp(1 + x1) * rng.next() * 2);
    const flag = x1 + x2 > 0 ? 1 : 0;
    const species = x1 > 0.3 ? 'a' : x1 < -0.3 ? 'b' : 'c';
    lines.push([x1, x2, value, count, flag, species].join(','));
  }
  return lines.join('\n') + '\n';
}
const good = csv('good.csv', table());

const TARGET: Record<string, string> = {
  categorical: 'species',
  bernoulli: 'flag',
  gaussian: 'value',
  'gaussian-variance': 'value',
  laplace: 'value',
  poisson: 'count',
};
const METRICS: Record<string, string[]> = {
  categorical: ['accuracy', 'nll'],
  bernoulli: ['accuracy', 'nll'],
  gaussian: ['rmse', 'mae', 'nll'],
  'gaussian-variance': ['rmse', 'mae', 'nll'],
  laplace: ['rmse', 'mae', 'nll'],
  poisson: ['nll', 'deviance'],
};

const trainArgs = (data: string, out: string, extra: string[] = []): string[] => [
  'train',
  '--data',
  data,
  '--model',
  'multi-layer',
  '--hidden',
  '8',
  '--optimizer',
  'adam',
  '--lr',
  '0.01',
  '--batch-size',
  '16',
  '--epochs',
  '3',
  '--out',
  out,
  '--no-charts',
  '--no-progress',
  ...extra,
];

for (const head of HEAD_NAMES) {
  test(`the ${head} head trains on a CSV, eval --json ends in its metrics, predict writes samples`, async () => {
    const out = at(`run-${head}`);
    const features = ['--features', 'x1,x2'];
    const trained = await runCli(
      trainArgs(good, out, ['--target', TARGET[head], '--head', head, ...features]),
    );
    assert.equal(trained.code, 0, trained.stderr);
    assert.match(trained.stdout, new RegExp(`^head ${head} \\(from --head\\)`, 'm'));
    const model = join(out, 'model.safetensors');
    const evaluated = await runCli(['eval', '--model', model, '--data', good, '--json']);
    assert.equal(evaluated.code, 0, evaluated.stderr);
    const last = evaluated.stdout.trimEnd().split('\n').at(-1)!;
    const json = JSON.parse(last) as Record<string, unknown>;
    assert.equal(json.head, head);
    assert.equal(json.rows, 120);
    for (const m of METRICS[head]) assert.equal(typeof json[m], 'number', `${head} ${m}: ${last}`);
    const preds = at(`preds-${head}.csv`);
    const predicted = await runCli([
      'predict',
      '--model',
      model,
      '--data',
      good,
      '--samples',
      '2',
      '--out',
      preds,
    ]);
    assert.equal(predicted.code, 0, predicted.stderr);
    const rows = readFileSync(preds, 'utf8').trimEnd().split('\n');
    assert.equal(rows.length, 121);
    assert.match(rows[0], /sample_1,sample_2$/);
  });
}

test('without --head a text target gets categorical and a real-valued one gaussian, and the log says so', async () => {
  const a = await runCli(trainArgs(good, at('default-a'), ['--target', 'species']));
  assert.match(a.stdout, /^head categorical \(chosen for a class target/m);
  const b = await runCli(
    trainArgs(good, at('default-b'), ['--target', 'value', '--features', 'x1,x2,count']),
  );
  assert.match(b.stdout, /^head gaussian \(chosen for a numeric target/m);
});

const header = 'x1,x2,y\n';
const cases: [string, string, string[], RegExp][] = [
  [
    'ragged rows',
    `${header}1,2,3\n4,5\n`,
    ['--target', 'y'],
    /ragged\.csv: line 3: the row has 2 cells, the header has 3$/,
  ],
  [
    'a non-numeric feature cell',
    `${header}1,2,3\n4,abc,6\n`,
    ['--target', 'y'],
    /non-numeric\.csv: line 3, column 'x2': 'abc' is not a number$/,
  ],
  [
    'a NaN cell',
    `${header}1,2,3\nNaN,5,6\n`,
    ['--target', 'y'],
    /nan\.csv: line 3, column 'x1': NaN is not a finite number/,
  ],
  [
    'an Inf cell',
    `${header}1,2,3\n4,-Infinity,6\n`,
    ['--target', 'y'],
    /inf\.csv: line 3, column 'x2': -Infinity is not a finite number/,
  ],
  [
    'a missing target column',
    `${header}1,2,3\n`,
    ['--target', 'price'],
    /missing-target\.csv: line 1, column 'price': no such target column; the columns are x1, x2, y$/,
  ],
  [
    'an empty file',
    '',
    ['--target', 'y'],
    /empty\.csv: the file is empty; expected a header line and data rows$/,
  ],
  [
    'a header without rows',
    header,
    ['--target', 'y'],
    /header-only\.csv: the file has a header but no data rows$/,
  ],
  [
    'a negative count for poisson',
    `${header}1,2,3\n4,5,-1\n`,
    ['--target', 'y', '--head', 'poisson'],
    /negative-count\.csv: line 3, column 'y': the poisson head expected a count .*found -1$/,
  ],
  [
    'a fractional count for poisson',
    `${header}1,2,3\n4,5,2.5\n`,
    ['--target', 'y', '--head', 'poisson'],
    /fractional-count\.csv: line 3, column 'y': the poisson head expected a count .*found 2\.5$/,
  ],
  [
    'a 2 for bernoulli',
    `${header}1,2,0\n4,5,1\n7,8,2\n`,
    ['--target', 'y', '--head', 'bernoulli'],
    /bernoulli-two\.csv: line 4, column 'y': the bernoulli head expected 0 or 1, found 2$/,
  ],
];
const files = [
  'ragged',
  'non-numeric',
  'nan',
  'inf',
  'missing-target',
  'empty',
  'header-only',
  'negative-count',
  'fractional-count',
  'bernoulli-two',
];

cases.forEach(([what, text, args, pattern], i) => {
  test(`train refuses ${what} in one line naming file, line and column, exit 1, no run folder`, async () => {
    const path = csv(`${files[i]}.csv`, text);
    const out = at(`no-run-${files[i]}`);
    const r = await runCli(trainArgs(path, out, args));
    assert.equal(r.code, 1, r.stderr);
    assertOneLine(r);
    assert.match(r.stderr.trimEnd(), pattern);
    assert.equal(existsSync(out), false, 'no run folder');
  });
});

test('eval refuses a class the model never saw, naming file, line and column, exit 1', async () => {
  const out = at('classes');
  const trained = await runCli(trainArgs(good, out, ['--target', 'species']));
  assert.equal(trained.code, 0, trained.stderr);
  const lines = table().trimEnd().split('\n');
  lines[5] = lines[5].replace(/,[abc]$/, ',zebra');
  const path = csv('unknown-class.csv', lines.join('\n') + '\n');
  const r = await runCli(['eval', '--model', join(out, 'model.safetensors'), '--data', path]);
  assert.equal(r.code, 1, r.stderr);
  assertOneLine(r);
  assert.match(
    r.stderr,
    /unknown-class\.csv: line 6, column 'species': unknown class 'zebra'; the model knows a, b, c/,
  );
});

test('eval --json of an image model ends in one JSON object with the accuracy', async () => {
  const dir = at('idx');
  writeTinyIdxDataset(dir, 8);
  const out = at('idx-run');
  const trained = await runCli([
    'train',
    '--data',
    dir,
    '--iters',
    '20',
    '--out',
    out,
    '--no-charts',
    '--no-progress',
  ]);
  assert.equal(trained.code, 0, trained.stderr);
  const r = await runCli([
    'eval',
    '--model',
    join(out, 'model.safetensors'),
    '--data',
    dir,
    '--json',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout.trimEnd().split('\n').at(-1)!) as {
    accuracy: number;
    count: number;
  };
  assert.equal(json.count, 100);
  assert.ok(json.accuracy >= 0 && json.accuracy <= 1);
});

test('gradlab data writes a named table as CSV, header first, and trains from it by name or file', async () => {
  const path = at('iris.csv');
  const r = await runCli(['data', 'iris', '--out', path]);
  assert.equal(r.code, 0, r.stderr);
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  assert.equal(lines.length, 151);
  assert.equal(lines[0], 'sepal_length,sepal_width,petal_length,petal_width,species');
  const trained = await runCli(trainArgs(path, at('iris-run'), ['--target', 'species']));
  assert.equal(trained.code, 0, trained.stderr);
  assert.match(trained.stdout, /iris\.csv 120 train \/ 15 test/);
});

test('a table run stopped by Ctrl-C resumes from its checkpoint to exactly the uninterrupted result', async () => {
  const args = (out: string): string[] => [
    ...trainArgs(good, out, ['--target', 'value', '--features', 'x1,x2', '--head', 'laplace']),
    '--epochs',
    '40',
    '--sampling',
    'shuffle',
  ];
  const whole = await runCli(args(at('resume-a')));
  assert.equal(whole.code, 0, whole.stderr);
  const stopped = await runCli(args(at('resume-b')), {
    interrupt: { when: /^epoch +5\//m, signal: 'SIGINT', holdAfterEpoch: 5 },
  });
  assert.equal(stopped.code, 130, stopped.stderr);
  const resumed = await runCli(['train', '--resume', at('resume-b'), '--no-progress']);
  assert.equal(resumed.code, 0, resumed.stderr);
  const final = (text: string): string => /^final: (.*) \(/m.exec(text)?.[1] ?? 'none';
  assert.equal(final(resumed.stdout), final(whole.stdout));
});
