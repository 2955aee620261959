import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  softmaxCrossEntropy,
  softmaxCrossEntropyBackward,
  softmaxRows,
} from '../../../src/tensor/ops/softmax-rows.js';
import { tensor, zeros } from '../../../src/tensor/creation.js';

test('softmaxCrossEntropy gives the book loss and gradient (y − t) / N', () => {
  const x = tensor([
    [1000, 0, 0],
    [0, 0, 0],
  ]);
  const { loss, y } = softmaxCrossEntropy(x, Int32Array.from([0, 2]));
  assert.ok(Number.isFinite(loss));
  assert.ok(Math.abs(loss - (-Math.log(1 + 1e-7) - Math.log(1 / 3 + 1e-7)) / 2) < 1e-15);
  const dx = softmaxCrossEntropyBackward(y, Int32Array.from([0, 2]));
  assert.ok(Math.abs(dx.at(1, 2) - (1 / 3 - 1) / 2) < 1e-15);
  assert.ok(Math.abs(dx.at(0, 0)) < 1e-15);
});

test('softmaxCrossEntropyBackward scales by dout and writes into dx', () => {
  const { y } = softmaxCrossEntropy(tensor([[0, 0]]), Int32Array.from([1]));
  const dx = zeros([1, 2]);
  assert.equal(softmaxCrossEntropyBackward(y, Int32Array.from([1]), 4, dx), dx);
  assert.deepEqual(dx.toArray(), [[2, -2]]);
});

test('softmaxRows normalises each row, subtracting its max first', () => {
  const y = softmaxRows(
    tensor([
      [1000, 1000],
      [0, Math.log(3)],
    ]),
  ).toArray() as number[][];
  assert.deepEqual(y[0], [0.5, 0.5]);
  assert.ok(Math.abs(y[1][0] - 0.25) < 1e-15 && Math.abs(y[1][1] - 0.75) < 1e-15, `${y[1]}`);
});

test('labels outside 0..C−1, too few labels and the wrong rank throw before any kernel runs', () => {
  const x = zeros([2, 3]);
  assert.throws(
    () => softmaxCrossEntropy(x, Int32Array.from([0, 3])),
    /softmaxCrossEntropy: labels\[1\]: expected a class index in 0..2, got 3/,
  );
  assert.throws(
    () => softmaxCrossEntropyBackward(x, Int32Array.from([-1, 0])),
    /softmaxCrossEntropyBackward: labels\[0\]: expected a class index in 0..2, got -1/,
  );
  assert.throws(
    () => softmaxCrossEntropy(x, Int32Array.from([0])),
    /labels: expected 2 class indices \(one per row\), got 1/,
  );
  assert.throws(
    () => softmaxRows(zeros([1, 1, 2])),
    /softmax: expected a 1-D \(C\) or 2-D \(N, C\)/,
  );
});
