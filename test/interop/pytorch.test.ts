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

test(
  '(c) train.py --nproc 2 continues a gradlab run with DDP on 127.0.0.1; gradlab evaluates its output',
  { skip },
  async () => {
    const data = tinyMnist();
    const dir = tempDir('ddp');
    const run = gradlab([
      'train',
      '--data',
      data,
      '--iters',
      '100',
      '--out',
      join(dir, 'run'),
      '--no-charts',
      '--no-progress',
    ]);
    assert.equal(run.status, 0, run.stderr);
    const exp = gradlab([
      'export',
      '--model',
      join(dir, 'run', 'model.safetensors'),
      '--format',
      'pytorch',
      '--out',
      join(dir, 'torch'),
    ]);
    assert.equal(exp.status, 0, exp.stderr);
    assert.match(exp.stdout, /hyperparameters from .*metrics\.json/);
    const port = await freePort();
    const out = join(dir, 'trained.safetensors');
    const log = python(
      [
        join(dir, 'torch', 'train.py'),
        '--nproc',
        '2',
        '--data',
        data,
        '--iters',
        '30',
        '--log-every',
        '10',
        '--out',
        out,
        '--master-port',
        String(port),
      ],
      300_000,
    );
    console.log(log.trim());
    assert.match(log, /iter 30\/30 loss [\d.]+ \(rank 0, world size 2\)/);
    const acc = /test accuracy ([\d.]+) \((\d+)\/(\d+)\)/.exec(log);
    assert.ok(acc !== null, log);
    const ev = gradlab(['eval', '--model', out, '--data', data]);
    assert.equal(ev.status, 0, ev.stderr);
    console.log(`gradlab eval: ${ev.stdout.trim()}`);
    assert.match(ev.stdout, new RegExp(`\\(${acc[2]}/${acc[3]}\\)`));
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
    const dir = tempDir('csv-ddp');
    const csv = tableCsv(dir);
    const train = gradlab([
      'train',
      '--data',
      csv,
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
      '--out',
      join(dir, 'run'),
      '--no-charts',
      '--no-progress',
    ]);
    assert.equal(train.status, 0, train.stderr);
    const exp = gradlab([
      'export',
      '--model',
      join(dir, 'run', 'model.safetensors'),
      '--format',
      'pytorch',
      '--out',
      join(dir, 'torch'),
    ]);
    assert.equal(exp.status, 0, exp.stderr);
    const out = join(dir, 'trained.safetensors');
    const log = python(
      [
        join(dir, 'torch', 'train.py'),
        '--nproc',
        '2',
        '--data',
        csv,
        '--iters',
        '20',
        '--log-every',
        '20',
        '--out',
        out,
        '--master-port',
        String(await freePort()),
      ],
      300_000,
    );
    console.log(log.trim());
    const acc = /test accuracy ([\d.]+) \((\d+)\/(\d+)\)/.exec(log);
    assert.ok(acc !== null, log);
    const ev = gradlab(['eval', '--model', out, '--data', csv, '--split', 'all']);
    assert.equal(ev.status, 0, ev.stderr);
    console.log(ev.stdout.trim());
    assert.match(ev.stdout, new RegExp(`accuracy ${acc[1]}`));
  },
);
