import { test } from 'node:test';
import assert from 'node:assert/strict';
import { poissonNllLoss, PoissonNLLLoss } from '../../src/losses/poisson-nll-loss.js';
import { checkGradient } from './loss-check.js';

const x = [0.5, -1.0, 2.0, 0.1]; // log λ
const rate = [1.5, 0.2, 4.0, 0.0]; // λ (the last one 0: eps keeps the log finite)
const y = [1, 0, 3, 2];
import { checkTorchCases } from './torch-fixture.js';

test('every reduction and its gradient match torch.nn.functional on the generated cases', () => {
  checkTorchCases('PoissonNLLLoss');
});

test('full changes the value but not the gradient', () => {
  const plain = new PoissonNLLLoss();
  const full = new PoissonNLLLoss({ full: true });
  plain.forward(x, y);
  full.forward(x, y);
  assert.deepEqual(full.backward().toArray(), plain.backward().toArray());
});

test('backward matches the numerical gradient for mean, sum and none, for both input kinds', () => {
  checkGradient((reduction) => new PoissonNLLLoss({ reduction }), x, y);
  checkGradient((reduction) => new PoissonNLLLoss({ reduction, full: true }), x, y);
  checkGradient(
    (reduction) => new PoissonNLLLoss({ reduction, logInput: false }),
    [1.5, 0.2, 4.0, 0.7],
    y,
  );
});

test('options are checked: eps ≥ 0 and booleans', () => {
  assert.throws(
    () => poissonNllLoss(x, y, { eps: -1 }),
    /poissonNllLoss: options\.eps: expected a finite number ≥ 0, found -1/,
  );
  // @ts-expect-error: logInput is a boolean
  const wrong = (): unknown => new PoissonNLLLoss({ logInput: 'yes' });
  assert.throws(wrong, /PoissonNLLLoss: options\.logInput: expected true or false, found yes/);
});
