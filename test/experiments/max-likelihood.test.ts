import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maxLikelihoodExperiment } from '../../src/experiments/max-likelihood.js';

interface FamilyNumbers {
  trueWB: number[];
  fitByLoss: number[];
  fitByLikelihood: number[];
  maxParameterDifference: number;
  nllPerSampleEqualsAffineLoss: { a: number; maxResidual: number };
  profileArgminLoss: number;
  profileArgminNll: number;
  sigmaHat: number | null;
}
const numbers = maxLikelihoodExperiment.run({ size: 'tiny', seed: 0 }).numbers as unknown as Record<
  string,
  FamilyNumbers
>;

for (const family of ['Gaussian', 'Bernoulli', 'Poisson']) {
  test(`${family}: the loss minimiser equals the likelihood maximiser`, () => {
    const r = numbers[family]!;
    assert.ok(r.maxParameterDifference < 1e-8, `difference ${r.maxParameterDifference}`);
    assert.equal(r.profileArgminLoss, r.profileArgminNll);
  });

  test(`${family}: −log L / N is an increasing affine function of the loss`, () => {
    const r = numbers[family]!;
    assert.ok(r.nllPerSampleEqualsAffineLoss.a > 0);
    assert.ok(
      r.nllPerSampleEqualsAffineLoss.maxResidual < 1e-10,
      `residual ${r.nllPerSampleEqualsAffineLoss.maxResidual}`,
    );
    const expected = family === 'Gaussian' ? 1 / (2 * r.sigmaHat! ** 2) : 1;
    assert.ok(Math.abs(r.nllPerSampleEqualsAffineLoss.a - expected) < 1e-9);
  });

  test(`${family}: the fit recovers the true parameters roughly`, () => {
    const r = numbers[family]!;
    r.trueWB.forEach((v, i) =>
      assert.ok(
        Math.abs(r.fitByLoss[i]! - v) < 0.5,
        `${family} parameter ${i}: ${r.fitByLoss[i]} vs ${v}`,
      ),
    );
  });
}
