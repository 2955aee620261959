import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Adam } from '../../src/optim/adam.js';
import { tensor } from '../../src/tensor/creation.js';

test('two Adam steps fold the bias correction into lr_t as the book does', () => {
  const W = tensor([1]);
  const opt = new Adam({ learningRate: 0.1 });
  opt.update({ W }, { W: tensor([2]) });
  // t = 1: m = 0.2, v = 0.004, lr_t = 0.1·√0.001 / 0.1
  const lr1 = (0.1 * Math.sqrt(1 - 0.999)) / (1 - 0.9);
  const w1 = 1 - (lr1 * 0.2) / (Math.sqrt(0.004) + 1e-7);
  assert.ok(Math.abs(W.at(0) - w1) < 1e-15);
  assert.ok(Math.abs(W.at(0) - 0.9) < 1e-5);
  opt.update({ W }, { W: tensor([1]) });
  // t = 2: m = 0.2 + 0.1·(1 − 0.2) = 0.28, v = 0.004 + 0.001·(1 − 0.004) = 0.004996
  const lr2 = (0.1 * Math.sqrt(1 - 0.999 ** 2)) / (1 - 0.9 ** 2);
  const w2 = w1 - (lr2 * 0.28) / (Math.sqrt(0.004996) + 1e-7);
  assert.ok(Math.abs(W.at(0) - w2) < 1e-15, `${W.at(0)} vs ${w2}`);
});

test('Adam defaults to lr 0.001, β₁ 0.9, β₂ 0.999', () => {
  const opt = new Adam();
  assert.deepEqual([opt.learningRate, opt.beta1, opt.beta2], [0.001, 0.9, 0.999]);
});
