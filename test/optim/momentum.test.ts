import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Momentum } from '../../src/optim/momentum.js';
import { OptimizerError } from '../../src/optim/optimizer-error.js';
import { tensor } from '../../src/tensor/creation.js';

test('two Momentum steps follow v = αv − lr·g, W = W + v', () => {
  const W = tensor([1, -1]);
  const opt = new Momentum({ learningRate: 0.1, momentum: 0.9 });
  const g = tensor([1, 2]);
  opt.update({ W }, { W: g });
  // v = [-0.1, -0.2]
  assert.ok(Math.abs(W.at(0) - 0.9) < 1e-15 && Math.abs(W.at(1) + 1.2) < 1e-15);
  opt.update({ W }, { W: g });
  // v = 0.9·[-0.1, -0.2] − [0.1, 0.2] = [-0.19, -0.38]
  assert.ok(Math.abs(W.at(0) - 0.71) < 1e-15, `W0 = ${W.at(0)}`);
  assert.ok(Math.abs(W.at(1) + 1.58) < 1e-15, `W1 = ${W.at(1)}`);
});

test('a momentum outside [0, 1) is rejected with its name and value', () => {
  assert.throws(
    () => new Momentum({ momentum: 1 }),
    (e: unknown) => e instanceof OptimizerError && /momentum.*got 1/.test(e.message),
  );
});
