import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fromStateDict,
  sequentialIndices,
  StateDictError,
  toStateDict,
} from '../../src/interop/state-dict.js';
import { MultiLayerNet } from '../../src/models/multi-layer-net.js';
import { TwoLayerNet } from '../../src/models/two-layer-net.js';
import { SimpleNet } from '../../src/models/simple-net.js';
import type { SafetensorsTensor } from '../../src/io/safetensors.js';
import { createRng, tensor } from '../../src/tensor/index.js';

test('Linear layers sit at 0, 2, 4 … without dropout and at 0, 3, 6 … with it', () => {
  assert.deepEqual(sequentialIndices(3, 0), [0, 2, 4]);
  assert.deepEqual(sequentialIndices(3, 0.5), [0, 3, 6]);
});

test('weights are stored (out, in), the transpose of gradlab’s (in, out)', () => {
  const net = new TwoLayerNet(3, 2, 2, { rng: createRng(0) });
  net.params.W1.data.set([1, 2, 3, 4, 5, 6]); // (3, 2): rows are inputs
  const sd = toStateDict(net.params, net.config);
  assert.deepEqual(Object.keys(sd), ['0.weight', '0.bias', '2.weight', '2.bias']);
  assert.deepEqual(sd['0.weight'].shape, [2, 3]);
  assert.deepEqual(Array.from(sd['0.weight'].data as Float64Array), [1, 3, 5, 2, 4, 6]);
  assert.equal(sd['0.weight'].dtype, 'F64');
});

test('a state dict reads back into the same parameters and architecture', () => {
  const net = new MultiLayerNet({
    inputSize: 5,
    hiddenSizes: [4, 3],
    outputSize: 2,
    dropout: 0.2,
    rng: createRng(1),
  });
  const sd = toStateDict(net.params, net.config);
  assert.deepEqual(Object.keys(sd), [
    '0.weight',
    '0.bias',
    '3.weight',
    '3.bias',
    '6.weight',
    '6.bias',
  ]);
  const { config, params } = fromStateDict(sd, { activation: 'sigmoid', source: 'm' });
  assert.equal(config.kind, 'multi-layer');
  assert.deepEqual([config.inputSize, ...config.hiddenSizes, config.outputSize], [5, 4, 3, 2]);
  assert.equal(config.activation, 'sigmoid');
  for (const k of Object.keys(net.params))
    assert.deepEqual(params[k].toArray(), net.params[k].toArray(), k);
});

test('SimpleNet’s bias-free W is 0.weight alone', () => {
  const net = new SimpleNet(
    tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]),
  );
  assert.deepEqual(Object.keys(toStateDict(net.params, net.config)), ['0.weight']);
});

const f32 = (shape: number[]): SafetensorsTensor => ({
  dtype: 'F32',
  shape,
  data: new Float32Array(shape.reduce((a, b) => a * b, 1)),
});

test('a layout that is not an Affine stack is a StateDictError naming the tensor', () => {
  const cases: [Record<string, SafetensorsTensor>, RegExp][] = [
    [
      { '0.weight': f32([4, 3]), '0.bias': f32([4]), '1.running_mean': f32([4]) },
      /tensor 1\.running_mean is not a Linear layer's weight or bias/,
    ],
    [
      { 'conv.weight': f32([4, 1, 3, 3]) },
      /tensor conv\.weight is not a Linear layer's weight or bias/,
    ],
    [
      {
        '0.weight': f32([4, 1, 3, 3]),
        '0.bias': f32([4]),
        '2.weight': f32([2, 4]),
        '2.bias': f32([2]),
      },
      /tensor 0\.weight is \(4, 1, 3, 3\), not 2-D/,
    ],
    [
      { '0.weight': f32([4, 3]), '0.bias': f32([4]), '2.weight': f32([2, 5]), '2.bias': f32([2]) },
      /tensor 2\.weight takes 5 inputs but the layer before gives 4/,
    ],
    [
      { '0.weight': f32([4, 3]), '2.weight': f32([2, 4]), '2.bias': f32([2]) },
      /tensor 0\.bias is missing/,
    ],
    [{ '0.weight': f32([4, 3]), '0.bias': f32([4]) }, /found 1 Linear layer\(s\), need at least 2/],
  ];
  for (const [tensors, message] of cases) {
    assert.throws(
      () => fromStateDict(tensors, { activation: 'relu', source: 'x.safetensors' }),
      (e: unknown) => {
        assert.ok(e instanceof StateDictError);
        assert.match(e.message, /^x\.safetensors: /);
        assert.match(e.message, message);
        assert.match(e.message, /expected an nn\.Sequential of nn\.Linear layers/);
        return true;
      },
    );
  }
});
