import { test } from 'node:test';
import assert from 'node:assert/strict';
import { transpose } from '../../../src/tensor/ops/transpose.js';
import { fromArray, tensor } from '../../../src/tensor/index.js';
import { onEachBackend } from '../../helpers/backends.js';

test('transpose reverses the axes by default and permutes them when asked', () => {
  onEachBackend(() => {
    assert.deepEqual(
      transpose(
        tensor([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      ).toArray(),
      [
        [1, 4],
        [2, 5],
        [3, 6],
      ],
    );
    const x = fromArray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [2, 3, 2]);
    const y = transpose(x, [1, 2, 0]);
    assert.deepEqual(y.shape, [3, 2, 2]);
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 3; j++)
        for (let k = 0; k < 2; k++) assert.equal(y.at(j, k, i), x.at(i, j, k));
    assert.deepEqual(transpose(x, [0, -1, 1]).shape, [2, 2, 3]);
  });
});

test('axes that are not a permutation are a clear error', () => {
  assert.throws(
    () => transpose(tensor([[1]]), [0, 0]),
    /transpose: axes \[0, 0\] are not a permutation of the 2 axes of \(1, 1\)/,
  );
});
