import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hingeEmbeddingLoss, HingeEmbeddingLoss } from '../../src/losses/hinge-embedding-loss.js';
import { checkGradient } from './loss-check.js';

// The last target is 0: ATen's where-formula gives it both terms, max(0, Δ − x) + x.
const x = [0.3, 1.5, -0.2, 0.8, 2.5, 0.4];
const y = [1, -1, -1, 1, -1, 0];
import { checkTorchCases } from './torch-fixture.js';

test('every reduction and its gradient match torch.nn.functional on the generated cases', () => {
  checkTorchCases('HingeEmbeddingLoss');
});

test('the gradient is 1 for similar pairs, −1 inside the margin for dissimilar ones, and both for other targets', () => {
  const loss = new HingeEmbeddingLoss({ reduction: 'sum' });
  loss.forward(x, y);
  assert.deepEqual(loss.backward().toArray(), [1, 0, -1, 1, 0, 0]);
  // At the kink Δ − x = 0 PyTorch's clamp_min passes the gradient.
  loss.forward([1], [-1]);
  assert.deepEqual(loss.backward().toArray(), [-1]);
});

test('backward matches the numerical gradient for mean, sum and none, also with margin 2', () => {
  checkGradient((reduction) => new HingeEmbeddingLoss({ reduction }), x, y);
  checkGradient((reduction) => new HingeEmbeddingLoss({ reduction, margin: 2 }), x, y);
});

test('margin must be finite', () => {
  assert.throws(
    () => hingeEmbeddingLoss(x, y, { margin: Number.NaN }),
    /hingeEmbeddingLoss: options\.margin: expected a finite number, found NaN/,
  );
});
