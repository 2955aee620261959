import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lossCurves } from '../../src/experiments/loss-curves.js';
import { lossesExperiment } from '../../src/experiments/losses.js';

const r = lossesExperiment.run({ size: 'tiny', seed: 0 });

test("every loss's backward agrees with the central difference of its forward along the sweep", () => {
  for (const [name, err] of Object.entries(r.numbers.gradientCheck as Record<string, number>)) {
    assert.ok(err < 1e-4, `${name}: relative error ${err}`);
  }
});

test('it plots all 17 curves in 4 groups, a loss and a gradient figure each', () => {
  assert.equal((r.numbers.losses as string[]).length, 17);
  assert.equal(r.figures.length, 8);
});

test('each loss is smallest at its target', () => {
  const at = (name: string) => lossCurves().find((c) => c.name === name)!;
  const mse = at('MSELoss');
  assert.equal(mse.value(1), 0);
  assert.equal(mse.gradient(3), 4);
  const poisson = at('PoissonNLL (log λ)');
  assert.ok(Math.abs(poisson.gradient(Math.log(3))) < 1e-12);
  const kl = at('KLDiv (t = [0.2, 0.8])');
  assert.ok(Math.abs(kl.value(0.8)) < 1e-12 && Math.abs(kl.gradient(0.8)) < 1e-9);
});

test('for a confidently wrong score the logistic gradient is close to −1, not vanishing', () => {
  assert.ok(
    lossCurves()
      .find((c) => c.name === 'BCEWithLogits (y = 1)')!
      .gradient(-8) < -0.999,
  );
});

test('the losses card shows the values the study notes print, exactly', () => {
  const prints = lossesExperiment.run({ size: 'tiny', seed: 0 }).numbers.bookPrints;
  assert.deepEqual(prints, {
    sseGood: 0.09750000000000003,
    sseBad: 0.5975,
    ceGood: 0.510825457099338,
    ceBad: 2.302584092994546,
    ceBatch: 1.406704775046942,
    sseClass6: 0.1775,
    ceClass6: 0.6931469805599654,
  });
});
