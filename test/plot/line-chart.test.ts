import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineChart, type LineRow } from '../../src/plot/line-chart.js';
import { PlotInputError } from '../../src/plot/plot-error.js';
import { compileMessages, loose } from './compile-spec.js';

const texts = { title: 'Loss', xLabel: 'iteration', yLabel: 'loss' };
const two = [
  { name: 'train', x: [0, 1, 2], y: [3, 2, 1] },
  { name: 'test', x: [0, 1, 2], y: [3.5, 2.5, 1.5], strokeDash: [6, 4] },
];

test('the spec carries the texts, one colour per series in the given order, and every row', () => {
  const s = loose(lineChart(two, texts));
  assert.equal(s.title, 'Loss');
  assert.equal(s.encoding.x.title, 'iteration');
  assert.equal(s.encoding.y.title, 'loss');
  assert.deepEqual(s.encoding.color.scale.domain, ['train', 'test']);
  assert.deepEqual(s.encoding.color.scale.range, ['#1f77b4', '#ff7f0e']);
  const rows = s.data.values as LineRow[];
  assert.deepEqual(
    rows.filter((r) => r.series === 'test').map((r) => r.y),
    [3.5, 2.5, 1.5],
  );
  assert.deepEqual(compileMessages(lineChart(two, texts)), []);
});

test('a dashed series gets its dash, the others a solid [1, 0], and the legend merges both', () => {
  const s = loose(lineChart(two, texts));
  assert.deepEqual(s.encoding.strokeDash.scale.range, [
    [1, 0],
    [6, 4],
  ]);
  assert.deepEqual(s.encoding.strokeDash.legend, s.encoding.color.legend);
  assert.equal(loose(lineChart([two[0]!], texts)).encoding.strokeDash, undefined);
});

test('the legend is outside on the right for several series and absent for one', () => {
  assert.equal(loose(lineChart(two, texts)).encoding.color.legend.orient, 'right');
  assert.equal(loose(lineChart([two[0]!], texts)).encoding.color.legend, null);
  const inside = loose(lineChart(two, { ...texts, legend: 'bottom-right' })).encoding.color.legend;
  assert.equal(inside.orient, 'bottom-right');
  assert.equal(inside.fillColor, 'white');
});

test('a fixed domain turns off nice rounding, and marks are clipped only if the data leaves it', () => {
  const inside = loose(lineChart(two, { ...texts, yDomain: [0, 4] }));
  assert.deepEqual(inside.encoding.y.scale.domain, [0, 4]);
  assert.equal(inside.encoding.y.scale.nice, false);
  assert.equal(inside.layer[0].mark.clip, false);
  assert.equal(loose(lineChart(two, { ...texts, yDomain: [0, 3] })).layer[0].mark.clip, true);
});

test('non-finite points, and points ≤ 0 on a log axis, are left out', () => {
  const s = loose(
    lineChart([{ name: 'loss', x: [0, 1, 2, 3, 4], y: [2, Number.NaN, 0, -1, 0.5] }], {
      ...texts,
      yScale: 'log',
    }),
  );
  assert.deepEqual(
    (s.data.values as LineRow[]).map((r) => r.x),
    [0, 4],
  );
  assert.equal(s.encoding.y.scale.type, 'log');
  assert.equal(s.encoding.y.scale.zero, undefined, 'zero on a log scale makes Vega-Lite warn');
});

test('dots are drawn only for the series that ask for them', () => {
  const s = loose(lineChart([{ ...two[0]!, points: true }, two[1]!], texts));
  assert.equal(s.layer.length, 2);
  assert.deepEqual(s.layer[1].transform[0].filter.oneOf, ['train']);
  assert.equal(loose(lineChart(two, texts)).layer.length, 1);
  assert.equal(
    loose(lineChart(two, { ...texts, points: true })).layer[1].transform[0].filter.oneOf.length,
    2,
  );
});

test('a long series is thinned to about maxPoints rows', () => {
  const x = Array.from({ length: 50_000 }, (_, i) => i);
  const s = loose(
    lineChart([{ name: 'loss', x, y: x.map((i) => 1 / (1 + i)) }], { ...texts, maxPoints: 1000 }),
  );
  assert.ok(
    s.data.values.length <= 1000 && s.data.values.length > 500,
    `${s.data.values.length} rows`,
  );
});

test('bad input throws a PlotInputError that names the argument', () => {
  assert.throws(() => lineChart([], texts), PlotInputError);
  assert.throws(
    () => lineChart([{ name: 'a', x: [0, 1], y: [1] }], texts),
    /lineChart: series\[0\] \('a'\): expected y.length === x.length \(2\), found 1/,
  );
  assert.throws(() => lineChart([two[0]!, two[0]!], texts), /unique name, found 'train' twice/);
  assert.throws(() => lineChart(two, { ...texts, maxPoints: 2 }), /maxPoints/);
});
