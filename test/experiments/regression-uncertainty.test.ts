import { test } from 'node:test';
import assert from 'node:assert/strict';
import { regressionUncertaintyExperiment } from '../../src/experiments/regression-uncertainty.js';

interface HeadNumbers {
  coverage: number;
  coverageByThird: number[];
  heldOutNll: number;
  sigmaAtX0_1p5_3: number[];
}
const result = regressionUncertaintyExperiment.run({ size: 'tiny', seed: 0 });
const numbers = result.numbers as unknown as {
  learnedVariance: HeadNumbers;
  fixedSigma: HeadNumbers;
};

test('the learned-variance band μ ± 2σ covers 95% ± 3% of held-out points, and 95% ± 4% in each third of x', () => {
  const { coverage, coverageByThird } = numbers.learnedVariance;
  assert.ok(Math.abs(coverage - 0.95) <= 0.03, `coverage ${coverage}`);
  coverageByThird.forEach((c, i) => assert.ok(Math.abs(c - 0.95) <= 0.04, `third ${i}: ${c}`));
});

test('the learned σ(x) grows with x as the noise does (true σ 0.05, 0.425, 0.8)', () => {
  const [s0, s1, s2] = numbers.learnedVariance.sigmaAtX0_1p5_3;
  assert.ok(s0 < s1 && s1 < s2, `${s0}, ${s1}, ${s2}`);
  assert.ok(s0 < 0.2 && s2 > 0.6, `${s0}, ${s2}`);
});

test('a fixed σ cannot: it over-covers the quiet third and under-covers the noisy one', () => {
  const [quiet, , noisy] = numbers.fixedSigma.coverageByThird;
  assert.ok(quiet >= 0.99, `quiet third ${quiet}`);
  assert.ok(noisy <= 0.88, `noisy third ${noisy}`);
  const [s0, , s2] = numbers.fixedSigma.sigmaAtX0_1p5_3;
  assert.equal(s0, s2);
});

test('the learned variance gives the lower held-out negative log-likelihood', () => {
  assert.ok(numbers.learnedVariance.heldOutNll < numbers.fixedSigma.heldOutNll - 0.1);
});

test('three figures: both bands and the coverage along x', () => {
  assert.deepEqual(
    result.figures.map((f) => f.name),
    ['gaussian-variance', 'gaussian', 'coverage'],
  );
});
