import { test } from 'node:test';
import assert from 'node:assert/strict';
import { poissonNllLoss, PoissonNLLLoss } from '../../src/losses/poisson-nll-loss.js';
import { assertClose, checkGradient } from './loss-check.js';

const x = [0.5, -1.0, 2.0, 0.1]; // log λ
const rate = [1.5, 0.2, 4.0, 0.0]; // λ (the last one 0: eps keeps the log finite)
const y = [1, 0, 3, 2];

test('log input (the default) matches exp(x) − y·x for every reduction', () => {
  assertClose(
    poissonNllLoss(x, y, { reduction: 'none' }),
    [1.1487212707001282, 0.36787944117144233, 1.3890560989306504, 0.9051709180756478],
  );
  assertClose(poissonNllLoss(x, y, { reduction: 'sum' }), 3.810827728877869);
  assertClose(poissonNllLoss(x, y), 0.9527069322194672);
});

test('full adds the Stirling term only where the target is above 1', () => {
  const o = { full: true } as const;
  assertClose(
    poissonNllLoss(x, y, { ...o, reduction: 'none' }),
    [1.1487212707001282, 0.36787944117144233, 3.153137642473707, 1.5569774026801837],
  );
  assertClose(poissonNllLoss(x, y, { ...o, reduction: 'sum' }), 6.226715757025461);
  assertClose(poissonNllLoss(x, y, o), 1.5566789392563654);
});

test('rate input uses x − y·log(x + eps), with eps 1e-8 by default and as given', () => {
  const o = { logInput: false } as const;
  assertClose(
    poissonNllLoss(rate, y, { ...o, reduction: 'none' }),
    [1.094534885225169, 0.2, -0.15888309085967123, 36.841361487904734],
  );
  assertClose(poissonNllLoss(rate, y, { ...o, reduction: 'sum' }), 37.977013282270235);
  assertClose(poissonNllLoss(rate, y, o), 9.494253320567559);
  const custom = { logInput: false, eps: 1e-3, full: true };
  assertClose(
    poissonNllLoss(rate, y, { ...custom, reduction: 'none' }),
    [1.093868447348675, 0.2, 1.6044485539177629, 14.46731704256881],
  );
  assertClose(poissonNllLoss(rate, y, custom), 4.3414085109588125);
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
