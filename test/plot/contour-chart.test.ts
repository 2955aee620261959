import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contourChart } from '../../src/plot/contour-chart.js';
import { PlotInputError } from '../../src/plot/plot-error.js';
import { compileMessages, loose } from './compile-spec.js';

const axis = [-2, -1, 0, 1, 2];
const grid = { x0: axis, x1: axis, z: axis.map((b) => axis.map((a) => a * a + b * b)) };
const texts = { title: 'x0² + x1²', xLabel: 'x0', yLabel: 'x1' };
const path = {
  name: 'lr = 0.1',
  points: [
    [2, 1],
    [1.6, 0.8],
    [1.28, 0.64],
  ] as [number, number][],
};

test('the chart layers heatmap, level lines and the path, on axes spanning the grid', () => {
  const spec = contourChart(grid, { ...texts, levels: [1, 4] }, [path]);
  const s = loose(spec);
  assert.deepEqual(
    s.layer.map((l: { mark: { type: string } }) => l.mark.type),
    ['rect', 'rule', 'line', 'point'],
  );
  assert.deepEqual(s.encoding.x.scale.domain, [-2, 2]);
  assert.equal(s.encoding.y.title, 'x1');
  assert.deepEqual(
    [...new Set(s.layer[1].data.values.map((r: { level: number }) => r.level))].sort(),
    [1, 4],
  );
  assert.equal(s.width, 400);
  assert.deepEqual(compileMessages(spec), []);
});

test('a path keeps its point order and gets its name in the legend', () => {
  const s = loose(contourChart(grid, texts, [path]));
  const line = s.layer.find((l: { mark: { type: string } }) => l.mark.type === 'line');
  assert.deepEqual(
    line.data.values.map((r: { step: number; x: number }) => [r.step, r.x]),
    [
      [0, 2],
      [1, 1.6],
      [2, 1.28],
    ],
  );
  assert.equal(line.encoding.order.field, 'step');
  assert.deepEqual(line.encoding.color.scale.domain, ['lr = 0.1']);
});

test('the heatmap can be turned off, and the default draws 10 levels', () => {
  const s = loose(contourChart(grid, { ...texts, heatmap: false }));
  assert.deepEqual(
    s.layer.map((l: { mark: { type: string } }) => l.mark.type),
    ['rule'],
  );
  const levels = new Set(s.layer[0].data.values.map((r: { level: number }) => r.level));
  assert.ok(levels.size >= 8 && levels.size <= 10, `${levels.size} levels drawn`);
});

test('log spacing needs positive z, and an all-NaN grid is refused', () => {
  assert.throws(
    () => contourChart(grid, { ...texts, zScale: 'log' }),
    /expected z > 0, found min 0/,
  );
  const nan = { x0: [0, 1], x1: [0, 1], z: [Number.NaN, Number.NaN, Number.NaN, Number.NaN] };
  assert.throws(() => contourChart(nan, texts), PlotInputError);
});
