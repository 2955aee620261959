import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LOSSES } from '../../web/src/loss-catalog.js';
import type { LossEntry, OptionValues } from '../../web/src/loss-curves.js';

function defaults(entry: LossEntry): { t: number; o: OptionValues } {
  const o = Object.fromEntries(entry.options.map((c) => [c.key, c.value]));
  const target = entry.target;
  const t =
    target.kind === 'range' ? target.value : target.kind === 'choice' ? target.values[0]! : 0;
  return { t, o };
}

test('the Losses panel lists every loss of src/losses', () => {
  const labels = LOSSES.map((l) => l.label);
  for (const name of [
    'sum_squares_error',
    'cross_entropy_error',
    'MSELoss',
    'L1Loss',
    'HuberLoss',
    'SmoothL1Loss',
    'BCELoss',
    'BCEWithLogitsLoss',
    'CrossEntropyLoss',
    'NLLLoss',
    'KLDivLoss',
    'PoissonNLLLoss',
    'HingeEmbeddingLoss',
    'SoftMarginLoss',
    'MultiMarginLoss',
  ]) {
    assert.ok(labels.includes(name), name);
  }
  assert.equal(new Set(LOSSES.map((l) => l.id)).size, LOSSES.length);
});

test('each drawn gradient is the slope of the drawn loss curve', () => {
  for (const entry of LOSSES) {
    const { t, o } = defaults(entry);
    const [a, b] = entry.xDomain(o);
    // Points between samples of a fine grid, away from the kinks of L1, hinge and margin losses.
    const x = Float64Array.from({ length: 9 }, (_, i) => a + ((b - a) * (i + 0.37)) / 9);
    const h = 1e-5;
    const { loss, grad } = entry.curves(x, t, o);
    const up = entry.curves(
      x.map((v) => v + h),
      t,
      o,
    ).loss;
    const down = entry.curves(
      x.map((v) => v - h),
      t,
      o,
    ).loss;
    x.forEach((v, i) => {
      assert.ok(Number.isFinite(loss[i]!), `${entry.id}: loss at ${v}`);
      const slope = (up[i]! - down[i]!) / (2 * h);
      assert.ok(
        Math.abs(slope - grad[i]!) <= 1e-4 * Math.max(1, Math.abs(slope)),
        `${entry.id} at x = ${v}: gradient ${grad[i]}, slope ${slope}`,
      );
    });
  }
});
