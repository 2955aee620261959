import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toClassIndices } from '../../src/layers/class-indices.js';
import { LayerError } from '../../src/layers/layer-error.js';
import { tensor } from '../../src/tensor/index.js';

test('indices in every form come back as an Int32Array', () => {
  const expected = new Int32Array([2, 0, 1]);
  assert.deepEqual(toClassIndices(new Int32Array([2, 0, 1]), 3, 3, 'test'), expected);
  assert.deepEqual(toClassIndices([2, 0, 1], 3, 3, 'test'), expected);
  assert.deepEqual(toClassIndices(tensor([2, 0, 1]), 3, 3, 'test'), expected);
});

test('one-hot rows become their argmax, flat or (N, C), as the book decides by t.size == y.size', () => {
  assert.deepEqual(toClassIndices(tensor([[0, 0, 1], [0, 1, 0]]), 2, 3, 'test'), new Int32Array([2, 1]));
  assert.deepEqual(toClassIndices([0, 0, 1], 1, 3, 'test'), new Int32Array([2]));
  assert.deepEqual(toClassIndices([0, 1, 1, 0], 2, 2, 'test'), new Int32Array([1, 0]));
});

test('a buffer of the right length is reused', () => {
  const out = new Int32Array(2);
  assert.equal(toClassIndices([1, 0], 2, 2, 'test', out), out);
  assert.notEqual(toClassIndices([1, 0, 1], 3, 2, 'test', out), out);
});

test('wrong counts, non-integers and out-of-range labels throw a LayerError naming the caller', () => {
  assert.throws(() => toClassIndices([1, 0], 3, 4, 'Here'), /Here: labels must be 3 class indices or 3×4 one-hot rows, got 2 labels/);
  assert.throws(() => toClassIndices(tensor([[1], [0]]), 2, 3, 'Here'), /got shape \(2, 1\)/);
  assert.throws(() => toClassIndices([3], 1, 3, 'Here'), /label 3 at row 0 is not a class index in 0..2/);
  assert.throws(() => toClassIndices([-1], 1, 3, 'Here'), LayerError);
});
