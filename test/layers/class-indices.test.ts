import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classIndicesInto } from '../../src/layers/class-indices.js';
import { LayerError } from '../../src/layers/layer-error.js';
import { tensor } from '../../src/tensor/index.js';

test('indices in every form come back as an Int32Array', () => {
  const expected = new Int32Array([2, 0, 1]);
  assert.deepEqual(classIndicesInto(new Int32Array([2, 0, 1]), 3, 3, 'test'), expected);
  assert.deepEqual(classIndicesInto([2, 0, 1], 3, 3, 'test'), expected);
  assert.deepEqual(classIndicesInto(tensor([2, 0, 1]), 3, 3, 'test'), expected);
});

test('one-hot rows become the index of their 1, as the book decides by t.size == y.size', () => {
  assert.deepEqual(
    classIndicesInto(
      tensor([
        [0, 0, 1],
        [0, 1, 0],
      ]),
      2,
      3,
      'test',
    ),
    new Int32Array([2, 1]),
  );
  assert.deepEqual(classIndicesInto([0, 0, 1], 1, 3, 'test'), new Int32Array([2]));
});

test('a buffer of the right length is reused, and Int32Array labels are copied into it', () => {
  const out = new Int32Array(2);
  const t = new Int32Array([1, 0]);
  assert.equal(classIndicesInto(t, 2, 2, 'test', out), out);
  assert.deepEqual(out, t);
  assert.equal(classIndicesInto([0, 1], 2, 2, 'test', out), out);
  assert.notEqual(classIndicesInto([1, 0, 1], 3, 2, 'test', out), out);
});

test('wrong counts and out-of-range labels throw naming the caller', () => {
  assert.throws(() => classIndicesInto(new Int32Array([3]), 1, 3, 'Here'), LayerError);
  assert.throws(
    () => classIndicesInto(new Int32Array([-1]), 1, 3, 'Here'),
    /Here: t\[0\] = -1 is not a class index in 0..2/,
  );
  assert.throws(() => classIndicesInto([1, 0], 3, 4, 'Here'), /Here/);
  assert.throws(() => classIndicesInto([3], 1, 3, 'Here'), /Here/);
});
