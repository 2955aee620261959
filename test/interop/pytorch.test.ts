import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeModel, loadModel } from '../../src/train/model-file.js';
import { MultiLayerNet } from '../../src/models/multi-layer-net.js';
import type { Network } from '../../src/models/network.js';
import { TwoLayerNet } from '../../src/models/two-layer-net.js';
import { createRng, fromArray, randn } from '../../src/tensor/index.js';
import {
  freePort,
  gradlab,
  python,
  pythonAsync,
  skipWithoutTorch,
  tableCsv,
  tempDir,
  tinyMnist,
} from './torch-harness.js';

const skip = skipWithoutTorch();

/** Exports `net` with the CLI and returns the torch logits of x next to gradlab's. */
function torchLogits(net: Network, x: number[], n: number) {
  const dir = tempDir('export');
  writeFileSync(join(dir, 'model.safetensors'), encodeModel(net));
  const out = join(dir, 'torch');
  const r = gradlab([
    'export',
    '--model',
    join(dir, 'model.safetensors'),
    '--format',
    'pytorch',
    '--out',
    out,
  ]);
  assert.equal(r.status, 0, r.stderr);
  writeFileSync(join(dir, 'x.json'), JSON.stringify({ shape: [n, net.config.inputSize], data: x }));
  const res = JSON.parse(
    python(['test/interop/torch-logits.py', out, join(dir, 'x.json')], 120_000),
  ) as {
    dtype: string;
    modules: string[];
    logits: number[];
  };
  const ours = net.predict(
    fromArray(x, [n, net.config.inputSize], { dtype: net.config.dtype }),
  ).data;
  let diff = 0;
  res.logits.forEach((v, i) => (diff = Math.max(diff, Math.abs(v - ours[i]))));
  return { ...res, diff, out };
}

test(
  '(a) an exported model gives the same logits in PyTorch as in gradlab (≤ 1e-5)',
  { skip },
  () => {
    const rng = createRng(5);
    const two = new TwoLayerNet(784, 50, 10, { rng, weightInitStd: 0.1, dtype: 'float32' });
    const x = Array.from({ length: 6 * 784 }, () => rng.next());
    const a = torchLogits(two, x, 6);
    console.log(`784-50-10 relu float32: max |torch − gradlab| = ${a.diff.toExponential(2)}`);
    assert.equal(a.dtype, 'torch.float32');
    assert.deepEqual(a.modules, ['Linear', 'ReLU', 'Linear']);
    assert.ok(a.diff <= 1e-5, `logits differ by ${a.diff}`);

    const multi = new MultiLayerNet({
      inputSize: 5,
      hiddenSizes: [7, 6],
      outputSize: 4,
      activation: 'sigmoid',
      dropout: 0.25,
      rng,
      dtype: 'float64',
    });
    const b = torchLogits(multi, Array.from(randn([3, 5], rng).data), 3);
    console.log(
      `5-7-6-4 sigmoid+dropout float64: max |torch − gradlab| = ${b.diff.toExponential(2)}`,
    );
    assert.equal(b.dtype, 'torch.float64');
    assert.deepEqual(b.modules, [
      'Linear',
      'Sigmoid',
      'Dropout',
      'Linear',
      'Sigmoid',
      'Dropout',
      'Linear',
    ]);
    assert.ok(b.diff <= 1e-12, `logits differ by ${b.diff}`);
    for (const activation of ['tanh', 'leakyRelu'] as const) {
      const net = new MultiLayerNet({
        inputSize: 4,
        hiddenSizes: [6],
        outputSize: 3,
        activation,
        rng,
        dtype: 'float64',
      });
      const c = torchLogits(net, Array.from(randn([5, 4], rng).data), 5);
      console.log(
        `4-6-3 ${activation} float64: max |torch − gradlab| = ${c.diff.toExponential(2)}`,
      );
      assert.deepEqual(c.modules, [
        'Linear',
        activation === 'tanh' ? 'Tanh' : 'LeakyReLU',
        'Linear',
      ]);
      assert.ok(c.diff <= 1e-12, `${activation}: logits differ by ${c.diff}`);
    }
    // The exported state dict loads back into gradlab without --activation (its metadata names it).
    const back = loadModel(readFileSync(join(b.out, 'model.safetensors')), 'exported');
    assert.equal(back.config.activation, 'sigmoid');
    assert.deepEqual(back.params.W2.toArray(), multi.params.W2.toArray());
  },
);

test(
  '(b) a model trained in PyTorch imports into gradlab with exactly PyTorch’s test accuracy',
  { skip },
  () => {
    const data = tinyMnist();
    const file = join(tempDir('torch-trained'), 'torch.safetensors');
    const [correct, count] = python(['test/interop/torch-train.py', data, file, '300'], 240_000)
      .trim()
      .split(' ')
      .map(Number);
    const r = gradlab(['eval', '--model', file, '--data', data, '--activation', 'relu']);
    assert.equal(r.status, 0, r.stderr);
    console.log(`PyTorch: ${correct}/${count}; gradlab: ${r.stdout.trim()}`);
    assert.ok(correct / count > 0.8, `PyTorch reached only ${correct}/${count}`);
    assert.match(r.stdout, new RegExp(`\\(${correct}/${count}\\)`));
    const none = gradlab(['eval', '--model', file, '--data', data]);
    assert.equal(none.status, 1);
    assert.match(
      none.stderr,
      /torch\.safetensors: a PyTorch state dict does not record its hidden activation/,
    );
  },
);

/**
 * Trains with `gradlab train TRAIN_ARGS --out DIR/run`, exports it for PyTorch, and continues it
 * with `train.py --nproc 2 --iters ITERS` on 127.0.0.1 (a free port). Returns train.py's log, its
 * accuracy line (correct, count) and the path of the file it wrote.
 */
async function continueInTorch(prefix: string, data: string, trainArgs: string[], iters: number) {
  const dir = tempDir(prefix);
  const run = gradlab([
    'train',
    '--data',
    data,
    ...trainArgs,
    '--out',
    join(dir, 'run'),
    '--no-charts',
    '--no-progress',
  ]);
  assert.equal(run.status, 0, run.stderr);
  const model = join(dir, 'run', 'model.safetensors');
  const exp = gradlab([
    'export',
    '--model',
    model,
    '--format',
    'pytorch',
    '--out',
    join(dir, 'torch'),
  ]);
  assert.equal(exp.status, 0, exp.stderr);
  assert.match(exp.stdout, /hyperparameters from .*metrics\.json/);
  const out = join(dir, 'trained.safetensors');
  const port = String(await freePort());
  const script = join(dir, 'torch', 'train.py');
  const args = ['--nproc', '2', '--data', data, '--iters', String(iters), '--log-every', '10'];
  const log = python([script, ...args, '--out', out, '--master-port', port], 300_000);
  console.log(log.trim());
  assert.match(log, new RegExp(`iter ${iters}/${iters} loss [\\d.]+ \\(rank 0, world size 2\\)`));
  const acc = /test accuracy ([\d.]+) \((\d+)\/(\d+)\)/.exec(log);
  assert.ok(acc !== null, log);
  return { log, accuracy: acc[1], correct: acc[2], count: acc[3], out };
}

test(
  '(c) train.py --nproc 2 continues a gradlab run with DDP on 127.0.0.1; gradlab evaluates its output',
  { skip },
  async () => {
    const data = tinyMnist();
    const r = await continueInTorch('ddp', data, ['--iters', '100'], 30);
    const ev = gradlab(['eval', '--model', r.out, '--data', data]);
    assert.equal(ev.status, 0, ev.stderr);
    console.log(`gradlab eval: ${ev.stdout.trim()}`);
    assert.match(ev.stdout, new RegExp(`\\(${r.correct}/${r.count}\\)`));
  },
);

test(
  'a state dict that is not an Affine stack fails with one line naming the file',
  { skip },
  () => {
    const dir = tempDir('bad-sd');
    const file = join(dir, 'conv.safetensors');
    python(
      [
        '-c',
        `import sys; sys.path.insert(0, 'python'); import torch, model; model.write_safetensors(${JSON.stringify(file)}, {'0.weight': torch.zeros(4, 1, 3, 3), '0.bias': torch.zeros(4), '3.weight': torch.zeros(10, 4), '3.bias': torch.zeros(10)})`,
      ],
      60_000,
    );
    const r = gradlab(['eval', '--model', file, '--activation', 'relu']);
    assert.equal(r.status, 1);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(
      r.stderr,
      /conv\.safetensors: tensor 0\.weight is \(4, 1, 3, 3\), not 2-D; expected an nn\.Sequential of nn\.Linear layers/,
    );
  },
);

test(
  'a CSV classifier: train.py --nproc 2 reads the CSV with gradlab’s standardisation; gradlab evaluates its output',
  { skip },
  async () => {
    const csv = tableCsv(tempDir('csv'));
    const flags = [
      '--target',
      'kind',
      '--features',
      'a,b,c',
      '--model',
      'multi-layer',
      '--hidden',
      '8',
      '--iters',
      '200',
    ];
    const r = await continueInTorch('csv-ddp', csv, flags, 20);
    const ev = gradlab(['eval', '--model', r.out, '--data', csv, '--split', 'all']);
    assert.equal(ev.status, 0, ev.stderr);
    console.log(ev.stdout.trim());
    assert.match(ev.stdout, new RegExp(`accuracy ${r.accuracy}`));
  },
);

test(
  'under a launcher’s RANK/WORLD_SIZE/MASTER_ADDR/MASTER_PORT, each train.py process is one worker',
  { skip },
  async () => {
    const data = tinyMnist();
    const dir = tempDir('launcher');
    const net = new TwoLayerNet(784, 16, 10, { rng: createRng(3), dtype: 'float32' });
    writeFileSync(join(dir, 'model.safetensors'), encodeModel(net));
    const exp = gradlab([
      'export',
      '--model',
      join(dir, 'model.safetensors'),
      '--format',
      'pytorch',
      '--out',
      join(dir, 'torch'),
    ]);
    assert.equal(exp.status, 0, exp.stderr);
    const port = String(await freePort());
    const out = join(dir, 'trained.safetensors');
    const args = [
      join(dir, 'torch', 'train.py'),
      '--data',
      data,
      '--iters',
      '5',
      '--log-every',
      '5',
      '--out',
      out,
    ];
    const env = {
      MASTER_ADDR: '127.0.0.1',
      MASTER_PORT: port,
      WORLD_SIZE: '2',
      OMP_NUM_THREADS: '1',
    };
    const workers = ['0', '1'].map((rank) =>
      pythonAsync(args, { ...env, RANK: rank, LOCAL_RANK: rank }, 300_000),
    );
    const [rank0, rank1] = await Promise.all(workers);
    assert.equal(rank0.code, 0, rank0.stderr);
    assert.equal(rank1.code, 0, rank1.stderr);
    console.log(rank0.stdout.trim());
    assert.match(rank0.stdout, /iter 5\/5 loss [\d.]+ \(rank 0, world size 2\)/);
    assert.equal(rank1.stdout, '', 'only rank 0 prints');
    assert.equal(gradlab(['eval', '--model', out, '--data', data]).status, 0);
  },
);
