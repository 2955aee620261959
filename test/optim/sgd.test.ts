import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SGD } from '../../src/optim/sgd.js';
import { tensor } from '../../src/tensor/creation.js';

test('SGD subtracts lr times the gradient from the same tensor object', () => {
  const W = tensor([
    [1, 2],
    [3, 4],
  ]);
  const b = tensor([0.5]);
  const params = { W, b };
  const opt = new SGD({ learningRate: 0.1 });
  opt.update(params, {
    W: tensor([
      [10, -10],
      [0, 1],
    ]),
    b: tensor([5]),
  });
  assert.equal(params.W, W);
  assert.deepEqual(W.toArray(), [
    [0, 3],
    [3, 3.9],
  ]);
  assert.deepEqual(b.toArray(), [0]);
  opt.update(params, {
    W: tensor([
      [10, -10],
      [0, 1],
    ]),
    b: tensor([5]),
  });
  assert.deepEqual(W.toArray(), [
    [-1, 4],
    [3, 3.8],
  ]);
});

test('SGD defaults to the book class rate 0.01', () => {
  assert.equal(new SGD().learningRate, 0.01);
});

test('a learning rate of 0 leaves the parameters unchanged', () => {
  const W = tensor([1, 2]);
  new SGD({ learningRate: 0 }).update({ W }, { W: tensor([3, 4]) });
  assert.deepEqual(W.toArray(), [1, 2]);
});
