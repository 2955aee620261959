import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RMSprop } from '../../src/optim/rmsprop.js';
import { tensor } from '../../src/tensor/creation.js';

test('two RMSprop steps use the leaky average h = ρh + (1 − ρ)g²', () => {
  const W = tensor([1]);
  const opt = new RMSprop({ learningRate: 0.1, decayRate: 0.9 });
  opt.update({ W }, { W: tensor([1]) });
  const h1 = (1 - 0.9) * 1 * 1; // 0.9·0 + 0.1·1, as the update rounds it
  const w1 = 1 - 0.1 / (Math.sqrt(h1) + 1e-7);
  assert.equal(W.at(0), w1);
  opt.update({ W }, { W: tensor([-3]) });
  const h2 = 0.9 * h1 + (1 - 0.9) * -3 * -3;
  assert.equal(W.at(0), w1 - (0.1 * -3) / (Math.sqrt(h2) + 1e-7));
});
