import { test } from 'node:test';
import assert from 'node:assert/strict';
import { likelihoodHeadsExperiment } from '../../src/experiments/likelihood-heads.js';
import { HEAD_NAMES } from '../../src/heads/heads.js';

interface HeadNumbers {
  dataMean: number;
  sampleMean: number;
  dataVariance: number;
  sampleVariance: number;
  dataFrequencies?: number[];
  sampleFrequencies?: number[];
  fittedScale?: number;
  trueScale?: number;
}
const result = likelihoodHeadsExperiment.run({ size: 'tiny', seed: 0 });
const numbers = result.numbers as unknown as Record<string, HeadNumbers>;

test('every head is trained and drawn, one side-by-side figure each', () => {
  assert.deepEqual(
    result.figures.map((f) => f.name),
    [...HEAD_NAMES],
  );
  for (const f of result.figures) assert.ok('hconcat' in f.spec);
});

for (const name of HEAD_NAMES) {
  test(`${name}: samples from the trained net match held-out data: mean within 0.1 sd, variance within ×0.8–1.25`, () => {
    const r = numbers[name];
    const sd = Math.sqrt(r.dataVariance);
    assert.ok(
      Math.abs(r.sampleMean - r.dataMean) <= 0.1 * sd,
      `mean ${r.sampleMean} vs ${r.dataMean}`,
    );
    const ratio = r.sampleVariance / r.dataVariance;
    assert.ok(ratio >= 0.8 && ratio <= 1.25, `variance ${r.sampleVariance} vs ${r.dataVariance}`);
    if (r.dataFrequencies !== undefined) {
      r.dataFrequencies.forEach((f, k) =>
        assert.ok(Math.abs((r.sampleFrequencies as number[])[k] - f) <= 0.06, `class ${k}`),
      );
    }
    if (r.trueScale !== undefined) {
      assert.ok(
        Math.abs((r.fittedScale as number) / r.trueScale - 1) <= 0.15,
        `scale ${r.fittedScale}`,
      );
    }
  });
}
