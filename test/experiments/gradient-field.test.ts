import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gradientFieldExperiment } from '../../src/experiments/gradient-field.js';

test('the gradients at (3, 4), (0, 2) and (3, 0) are (6, 8), (0, 4) and (6, 0) to 1e-10', () => {
  const r = gradientFieldExperiment.run({ size: 'tiny', seed: 0 });
  const at = r.numbers.gradientAt as Record<string, number[]>;
  const expected: Record<string, number[]> = {
    '(3, 4)': [6, 8],
    '(0, 2)': [0, 4],
    '(3, 0)': [6, 0],
  };
  for (const [p, g] of Object.entries(expected)) {
    g.forEach((v, i) => assert.ok(Math.abs(at[p]![i]! - v) < 1e-10, `${p}[${i}] = ${at[p]![i]}`));
  }
});

test('every arrow points towards the minimum', () => {
  const r = gradientFieldExperiment.run({ size: 'tiny', seed: 0 });
  const rows = (
    r.figures[0]!.spec as { data: { values: { x: number; y: number; x2: number; y2: number }[] } }
  ).data.values;
  assert.ok(rows.length > 50);
  for (const a of rows) assert.ok(Math.hypot(a.x2, a.y2) < Math.hypot(a.x, a.y), JSON.stringify(a));
});
