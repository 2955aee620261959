import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import onnxProto from 'onnx-proto';
import { ONNX_OPSET, toOnnx, type OnnxInputScaling } from '../../src/interop/onnx.js';
import { softmax } from '../../src/functions/activations.js';
import { readSavedModel } from '../../src/cli/table-model.js';
import { HEAD_NAMES, HEADS } from '../../src/heads/heads.js';
import { MultiLayerNet } from '../../src/models/multi-layer-net.js';
import type { Network } from '../../src/models/network.js';
import { SimpleNet } from '../../src/models/simple-net.js';
import { TwoLayerNet } from '../../src/models/two-layer-net.js';
import { createRng, fromArray, randn, type Tensor } from '../../src/tensor/index.js';
import { gradlab, tableCsv, tempDir } from './torch-harness.js';

ort.env.wasm.numThreads = 1;

/** Runs the exported graph in onnxruntime-web on raw x; returns its outputs. */
async function runOnnx(bytes: Uint8Array, raw: Float32Array, shape: [number, number]) {
  const session = await ort.InferenceSession.create(bytes);
  const out = await session.run({ x: new ort.Tensor('float32', raw, shape) });
  return {
    logits: out.logits.data as Float32Array,
    probabilities: out.probabilities?.data as Float32Array | undefined,
  };
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  assert.equal(a.length, b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

/** gradlab's forward on the scaled input vs onnxruntime on the raw input: ≤ 1e-5. */
async function compare(
  net: Network,
  raw: Float32Array,
  scaled: Tensor,
  input: OnnxInputScaling,
  what: string,
) {
  const n = scaled.shape[0];
  const { logits, probabilities } = await runOnnx(toOnnx(net, { input }), raw, [
    n,
    net.config.inputSize,
  ]);
  const ours = net.predict(scaled);
  const dl = maxDiff(logits, ours.data);
  const dp = maxDiff(probabilities as Float32Array, softmax(ours).data);
  console.log(
    `${what}: max |logits − gradlab| = ${dl.toExponential(2)}, probabilities ${dp.toExponential(2)}`,
  );
  assert.ok(dl <= 1e-5, `${what}: logits differ by ${dl}`);
  assert.ok(dp <= 1e-5, `${what}: probabilities differ by ${dp}`);
}

test('MNIST-sized two-layer ReLU network: raw pixels ÷ 255 in the graph, same logits as gradlab to 1e-5', async () => {
  const net = new TwoLayerNet(784, 50, 10, {
    rng: createRng(1),
    weightInitStd: 0.1,
    dtype: 'float32',
  });
  const rng = createRng(2);
  const raw = Float32Array.from({ length: 8 * 784 }, () => Math.floor(rng.next() * 256));
  await compare(
    net,
    raw,
    fromArray(
      Array.from(raw, (v) => v / 255),
      [8, 784],
      { dtype: 'float32' },
    ),
    { kind: 'divide', by: 255 },
    '784-50-10 relu',
  );
});

test('multi-layer sigmoid network with dropout (identity at inference) and standardised features', async () => {
  const net = new MultiLayerNet({
    inputSize: 4,
    hiddenSizes: [6, 5],
    outputSize: 3,
    activation: 'sigmoid',
    dropout: 0.3,
    rng: createRng(3),
    dtype: 'float64',
  });
  const mean = [10, -2, 0.5, 100];
  const std = [2, 0.5, 1, 30];
  const raw = randn([5, 4], createRng(4), { dtype: 'float32' }).data as Float32Array;
  for (let i = 0; i < raw.length; i++) raw[i] = Math.fround(raw[i] * std[i % 4] + mean[i % 4]);
  const scaled = fromArray(
    Array.from(raw, (v, i) => (v - mean[i % 4]) / std[i % 4]),
    [5, 4],
    { dtype: 'float64' },
  );
  await compare(net, raw, scaled, { kind: 'standardize', mean, std }, '4-6-5-3 sigmoid');
});

test('SimpleNet exports as a bias-free MatMul', async () => {
  const net = new SimpleNet(
    fromArray([0.47355232, 0.9977393, 0.84668094, 0.85557411, 0.03563661, 0.69422093], [2, 3]),
  );
  const raw = Float32Array.of(0.6, 0.9, -1, 2);
  await compare(net, raw, fromArray(raw, [2, 2]), { kind: 'none' }, 'SimpleNet');
  const model = onnxProto.onnx.ModelProto.decode(toOnnx(net, { input: { kind: 'none' } }));
  assert.deepEqual(
    model.graph?.node?.map((n) => n.opType),
    ['MatMul', 'Softmax'],
  );
});

test('the graph states opset 13, input x [N, features] and outputs logits and probabilities', () => {
  const net = new TwoLayerNet(6, 4, 3, { rng: createRng(0) });
  const model = onnxProto.onnx.ModelProto.decode(toOnnx(net));
  assert.equal(ONNX_OPSET, 13);
  assert.equal(Number(model.opsetImport[0].version), 13);
  const g = model.graph;
  assert.deepEqual(
    g?.input?.map((v) => v.name),
    ['x'],
  );
  assert.deepEqual(
    g?.output?.map((v) => v.name),
    ['logits', 'probabilities'],
  );
  assert.deepEqual(
    g?.input?.[0].type?.tensorType?.shape?.dim?.map((d) => d.dimParam || Number(d.dimValue)),
    ['N', 6],
  );
  assert.deepEqual(
    g?.node?.map((n) => n.opType),
    ['Div', 'Gemm', 'Relu', 'Gemm', 'Softmax'],
  );
  const noProbs = onnxProto.onnx.ModelProto.decode(toOnnx(net, { head: 'none' }));
  assert.deepEqual(
    noProbs.graph?.output?.map((v) => v.name),
    ['logits'],
  );
});

test('tanh and leaky ReLU hidden layers run as ONNX Tanh and LeakyRelu (α 0.01)', async () => {
  for (const activation of ['tanh', 'leakyRelu'] as const) {
    const net = new MultiLayerNet({
      inputSize: 3,
      hiddenSizes: [5, 4],
      outputSize: 2,
      activation,
      rng: createRng(6),
      dtype: 'float32',
    });
    const raw = randn([6, 3], createRng(7), { dtype: 'float32' }).data as Float32Array;
    await compare(
      net,
      raw,
      fromArray(raw, [6, 3], { dtype: 'float32' }),
      { kind: 'none' },
      `3-5-4-2 ${activation}`,
    );
    const ops = onnxProto.onnx.ModelProto.decode(toOnnx(net)).graph?.node?.map((n) => n.opType);
    assert.deepEqual(ops?.filter((o) => o === 'Tanh' || o === 'LeakyRelu').length, 2);
  }
});

test('each head’s output transform in the graph matches its predict (and variance) to 1e-5', async () => {
  const rng = createRng(8);
  for (const name of HEAD_NAMES) {
    const head = HEADS[name];
    const k = head.outputSize(2);
    const net = new MultiLayerNet({
      inputSize: 3,
      hiddenSizes: [5],
      outputSize: k,
      rng,
      dtype: 'float32',
    });
    const raw = randn([4, 3], rng, { dtype: 'float32' }).data as Float32Array;
    const session = await ort.InferenceSession.create(
      toOnnx(net, { input: { kind: 'none' }, head: name }),
    );
    const out = await session.run({ x: new ort.Tensor('float32', raw, [4, 3]) });
    const logits = net.predict(fromArray(raw, [4, 3], { dtype: 'float32' }));
    const expected: Record<string, ArrayLike<number>> = { logits: logits.data };
    if (name === 'categorical' || name === 'bernoulli')
      expected.probabilities = head.predict(logits).data;
    if (name === 'gaussian-variance') {
      expected.mean = head.predict(logits).data;
      expected.variance = (head.variance as (o: Tensor) => Tensor)(logits).data;
    }
    if (name === 'poisson') expected.rate = head.predict(logits).data;
    assert.deepEqual(Object.keys(out).sort(), Object.keys(expected).sort(), name);
    for (const [output, values] of Object.entries(expected)) {
      const d = maxDiff(out[output].data as Float32Array, values);
      console.log(`head ${name}: ${output} max difference ${d.toExponential(2)}`);
      assert.ok(d <= 1e-5, `${name} ${output}: ${d}`);
    }
  }
});

test('gradlab export --format onnx: a CSV regression model takes the raw columns (standardisation in the graph)', async () => {
  const dir = tempDir('onnx-csv');
  const csv = tableCsv(dir);
  const run = join(dir, 'run');
  const train = gradlab([
    'train',
    '--data',
    csv,
    '--target',
    'y',
    '--features',
    'a,b,c',
    '--head',
    'gaussian',
    '--model',
    'multi-layer',
    '--hidden',
    '8',
    '--iters',
    '100',
    '--lr',
    '0.001',
    '--out',
    run,
    '--no-charts',
    '--no-progress',
  ]);
  assert.equal(train.status, 0, train.stderr);
  const file = join(dir, 'model.onnx');
  const r = gradlab([
    'export',
    '--model',
    join(run, 'model.safetensors'),
    '--format',
    'onnx',
    '--out',
    file,
  ]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(
    r.stdout,
    /ONNX opset 13: x float32 \[N, 3\], the CSV's a, b, c → logits and head gaussian's outputs/,
  );
  const { network, table } = readSavedModel(join(run, 'model.safetensors'));
  const rows = readFileSync(csv, 'utf8')
    .trim()
    .split('\n')
    .slice(1, 21)
    .map((l) => l.split(',').slice(0, 3).map(Number));
  const raw = Float32Array.from(rows.flat());
  const { mean, std } = (table as NonNullable<typeof table>).scaling;
  const scaled = fromArray(
    Array.from(raw, (v, i) => (v - mean[i % 3]) / std[i % 3]),
    [20, 3],
    { dtype: network.config.dtype },
  );
  const session = await ort.InferenceSession.create(readFileSync(file));
  const out = await session.run({ x: new ort.Tensor('float32', raw, [20, 3]) });
  assert.deepEqual(Object.keys(out), ['logits']);
  const d = maxDiff(out.logits.data as Float32Array, network.predict(scaled).data);
  console.log(`CSV gaussian model via the CLI: max |logits − gradlab| = ${d.toExponential(2)}`);
  assert.ok(d <= 1e-5, `logits differ by ${d}`);
});
