import assert from 'node:assert/strict';
import { test } from 'node:test';
import { confusionMatrix } from '../../src/train/confusion-matrix.js';

test('rows are true classes and columns predicted ones, as in the doc example', () => {
  assert.deepEqual([...confusionMatrix([0, 1, 1], [0, 0, 1], 2)], [1, 0, 1, 1]);
});

test('the counts sum to N, each row to its class count, and the diagonal to the correct ones', () => {
  const labels = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3];
  const predicted = [3, 7, 4, 1, 5, 4, 2, 6, 3, 3, 5, 8, 9, 1, 9, 8];
  const m = confusionMatrix(Uint8Array.from(labels), Int32Array.from(predicted), 10);
  assert.equal(m.length, 100);
  assert.equal(
    m.reduce((a, b) => a + b, 0),
    labels.length,
  );
  for (let i = 0; i < 10; i++) {
    const row = m.slice(i * 10, i * 10 + 10).reduce((a, b) => a + b, 0);
    assert.equal(row, labels.filter((t) => t === i).length, `row ${i}`);
  }
  let diagonal = 0;
  for (let i = 0; i < 10; i++) diagonal += m[i * 10 + i]!;
  assert.equal(diagonal, labels.filter((t, n) => t === predicted[n]).length);
  assert.equal(m[9 * 10 + 4], 1); // a 9 taken for a 4
  assert.equal(m[5 * 10 + 3], 1); // a 5 taken for a 3
});

test('an empty set gives a matrix of zeros', () => {
  assert.deepEqual([...confusionMatrix([], [], 3)], new Array(9).fill(0));
});

test('mismatched lengths, a class out of range or a bad class count throw', () => {
  assert.throws(() => confusionMatrix([0, 1], [0], 2), /2 labels but 1 predictions/);
  assert.throws(() => confusionMatrix([0, 2], [0, 1], 2), /row 1 has label 2/);
  assert.throws(() => confusionMatrix([0], [-1], 2), /prediction -1/);
  assert.throws(() => confusionMatrix([0], [0], 0), /positive integer, got 0/);
});
