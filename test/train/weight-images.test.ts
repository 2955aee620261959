import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromArray, tensor } from '../../src/tensor/creation.js';
import { weightImages } from '../../src/train/weight-images.js';

test('each column is scaled by its own minimum and maximum, as in the doc example', () => {
  const images = weightImages(
    tensor([
      [0, 5],
      [2, 5],
      [4, 5],
    ]),
    2,
  );
  assert.deepEqual(
    images.map((im) => [...im]),
    [
      [0, 128, 255],
      [128, 128, 128],
    ],
  );
});

test('a (784, 50) W1 gives the first 16 units as 784-byte images spanning 0..255', () => {
  const values = Array.from({ length: 784 * 50 }, (_, k) => Math.sin(k * 0.37) * (1 + (k % 50)));
  const W = fromArray(values, [784, 50], { dtype: 'float32' });
  const images = weightImages(W, 16);
  assert.equal(images.length, 16);
  for (const [j, image] of images.entries()) {
    assert.equal(image.length, 784);
    assert.equal(Math.min(...image), 0, `unit ${j}`);
    assert.equal(Math.max(...image), 255, `unit ${j}`);
  }
  // Column j of W, not row j: pixel i of image 3 follows W[i, 3].
  const column = Array.from({ length: 784 }, (_, i) => W.data[i * 50 + 3]!);
  const argmax = column.indexOf(Math.max(...column));
  assert.equal(images[3]![argmax], 255);
});

test('fewer units than asked give one image per unit; a 1-D tensor throws', () => {
  assert.equal(weightImages(tensor([[1, 2, 3]]), 16).length, 3);
  assert.throws(() => weightImages(tensor([1, 2, 3]), 2), /must be 2-D/);
});
