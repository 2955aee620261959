import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  accuracyOf,
  asDType,
  numericalGradients,
  type AccuracyBuffers,
} from '../../src/models/network-helpers.js';
import { sum, tensor, zeros } from '../../src/tensor/index.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend(() => {
  test('accuracyOf counts argmax matches, with index or one-hot labels, in reused buffers', () => {
    const buffers: AccuracyBuffers = {};
    const scores = tensor([
      [0.1, 0.9],
      [0.8, 0.2],
      [0.3, 0.7],
    ]);
    assert.equal(accuracyOf(scores, [1, 0, 0], buffers, 'test'), 2 / 3);
    const predicted = buffers.predicted;
    assert.equal(
      accuracyOf(
        scores,
        tensor([
          [0, 1],
          [1, 0],
          [0, 1],
        ]),
        buffers,
        'test',
      ),
      1,
    );
    assert.equal(buffers.predicted, predicted);
  });

  test('numericalGradients differentiates a loss for each parameter; asDType converts only when needed', () => {
    const W = tensor([1, 2]);
    const b = tensor([3]);
    const g = numericalGradients(() => sum(W) ** 2 + 2 * b.data[0], { W, b });
    assert.ok(Math.abs(g.W.data[0] - 6) < 1e-8 && Math.abs(g.b.data[0] - 2) < 1e-8);
    const x = zeros([2]);
    assert.equal(asDType(x, 'float64'), x);
    assert.equal(asDType(x, 'float32').dtype, 'float32');
  });
});
