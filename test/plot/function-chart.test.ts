import assert from 'node:assert/strict';
import { test } from 'node:test';
import { functionChart } from '../../src/plot/function-chart.js';
import type { LineRow } from '../../src/plot/line-chart.js';
import { PlotInputError } from '../../src/plot/plot-error.js';
import { compileMessages, loose } from './compile-spec.js';

const f = (x: number) => 0.01 * x ** 2 + 0.1 * x;

test('f is sampled over xDomain and each tangent touches f at its point with its slope', () => {
  const spec = functionChart(f, {
    xDomain: [0, 20],
    samples: 101,
    tangents: [{ at: 5, slope: 0.2 }],
  });
  const rows = loose(spec).data.values as LineRow[];
  const curve = rows.filter((r) => r.series === 'f(x)');
  assert.equal(curve.length, 101);
  assert.equal(curve[50]!.y, f(10));
  const [p, q] = rows.filter((r) => r.series === 'tangent at x = 5');
  const slope = (q!.y - p!.y) / (q!.x - p!.x);
  assert.ok(Math.abs(slope - 0.2) < 1e-12);
  assert.ok(
    Math.abs(p!.y + slope * (5 - p!.x) - f(5)) < 1e-12,
    'the line passes through (5, f(5))',
  );
  assert.deepEqual(compileMessages(spec), []);
});

test('the y range follows f plus 5 %, so a steep tangent is clipped instead of squashing f', () => {
  const s = loose(functionChart(f, { xDomain: [0, 20], tangents: [{ at: 10, slope: 50 }] }));
  const [lo, hi] = s.encoding.y.scale.domain as [number, number];
  assert.ok(Math.abs(lo - -0.3) < 1e-9 && Math.abs(hi - 6.3) < 1e-9, `domain ${lo}..${hi}`);
  assert.equal(s.layer[0].mark.clip, true);
  assert.equal(s.encoding.color.legend.orient, 'top-left');
});

test('an empty interval or an all-NaN function throws a PlotInputError', () => {
  assert.throws(() => functionChart(f, { xDomain: [1, 1] }), PlotInputError);
  assert.throws(() => functionChart(f, { xDomain: [0, 1], samples: 1 }), /samples 1/);
  assert.throws(() => functionChart(() => Number.NaN, { xDomain: [0, 1] }), /finite values/);
});
