import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PlotInputError } from '../../src/plot/plot-error.js';
import { vectorFieldChart } from '../../src/plot/vector-field-chart.js';
import { compileMessages, loose } from './compile-spec.js';

const texts = { title: '−∇f', xLabel: 'x0', yLabel: 'x1' };
type Row = { x: number; y: number; x2: number; y2: number; angle: number; size: number };

test('heads turn clockwise from up: right is 90°, up 0°, down-left −135°', () => {
  const arrows = [
    { x: 0, y: 0, dx: 1, dy: 0 },
    { x: 1, y: 0, dx: 0, dy: 1 },
    { x: 0, y: 1, dx: -1, dy: -1 },
    { x: 1, y: 1, dx: 0, dy: -1 },
  ];
  const spec = vectorFieldChart(arrows, texts);
  const rows = loose(spec).data.values as Row[];
  assert.deepEqual(
    rows.map((r) => Math.round(r.angle)),
    [90, 0, -135, 180],
  );
  assert.deepEqual(compileMessages(spec), []);
});

test('the longest arrow in view spans 0.9 grid cells, shorter ones in proportion', () => {
  const arrows = [
    { x: 0, y: 0, dx: 4, dy: 0 },
    { x: 0.5, y: 0, dx: 2, dy: 0 },
    { x: 9, y: 0, dx: 100, dy: 0 },
  ];
  const rows = loose(vectorFieldChart(arrows, { ...texts, xDomain: [-1, 2], yDomain: [-1, 1] }))
    .data.values as Row[];
  // The shaft stops inside the head; shaft + the head's reach past its anchor is the length.
  const reach = (r: Row) => r.x2 - r.x + (1.155 * Math.sqrt(r.size)) / 2 / (400 / 3);
  assert.ok(Math.abs(reach(rows[0]!) - 0.45) < 1e-3, `${reach(rows[0]!)}`);
  assert.ok(Math.abs(reach(rows[1]!) - 0.225) < 1e-3, `${reach(rows[1]!)}`);
});

test('zero arrows draw nothing and non-finite arrows are refused', () => {
  const arrows = [
    { x: 0, y: 0, dx: 0, dy: 0 },
    { x: 1, y: 0, dx: 1, dy: 0 },
  ];
  assert.equal(loose(vectorFieldChart(arrows, texts)).data.values.length, 1);
  assert.throws(() => vectorFieldChart([], texts), PlotInputError);
  assert.throws(
    () => vectorFieldChart([{ x: 0, y: 0, dx: Number.NaN, dy: 0 }], texts),
    /arrows\[0\]/,
  );
});
