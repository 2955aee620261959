import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdaGrad } from '../../src/optim/adagrad.js';
import { tensor } from '../../src/tensor/creation.js';

test('two AdaGrad steps divide by the root of the summed squared gradients plus 1e-7', () => {
  const W = tensor([1]);
  const opt = new AdaGrad({ learningRate: 0.1 });
  opt.update({ W }, { W: tensor([2]) });
  const w1 = 1 - (0.1 * 2) / (2 + 1e-7);
  assert.equal(W.at(0), w1);
  opt.update({ W }, { W: tensor([2]) });
  assert.equal(W.at(0), w1 - (0.1 * 2) / (Math.sqrt(8) + 1e-7));
  assert.ok(Math.abs(W.at(0) - 0.8292893) < 1e-6);
});

test('AdaGrad keeps float32 state for float32 parameters', () => {
  const W = tensor([1, 2, 3], { dtype: 'float32' });
  const opt = new AdaGrad();
  opt.update({ W }, { W: tensor([1, 1, 1], { dtype: 'float32' }) });
  assert.ok(opt.getState().buffers['h.W'] instanceof Float32Array);
});
