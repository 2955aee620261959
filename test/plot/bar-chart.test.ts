import assert from 'node:assert/strict';
import { test } from 'node:test';
import { barChart } from '../../src/plot/bar-chart.js';
import { PlotInputError } from '../../src/plot/plot-error.js';
import { compileMessages, loose } from './compile-spec.js';

const texts = { title: 'softmax output', xLabel: 'class', yLabel: 'probability' };

test('bars keep the label order, the highlighted bar is marked, and values are printed', () => {
  const spec = barChart([2, 0, 1], [0.2, 0.7, 0.1], { ...texts, yDomain: [0, 1], highlight: 1 });
  const s = loose(spec);
  assert.deepEqual(s.encoding.x.sort, ['2', '0', '1']);
  assert.deepEqual(
    s.data.values.map((r: { accent: boolean }) => r.accent),
    [false, true, false],
  );
  assert.deepEqual(s.encoding.y.scale.domain, [0, 1]);
  assert.equal(s.layer[1].mark.type, 'text');
  assert.deepEqual(compileMessages(spec), []);
});

test('value labels are left out above 20 bars unless asked for', () => {
  const labels = Array.from({ length: 21 }, (_, i) => i);
  assert.equal(loose(barChart(labels, labels, texts)).layer.length, 1);
  assert.equal(loose(barChart(labels, labels, { ...texts, valueLabels: true })).layer.length, 2);
});

test('mismatched or duplicate labels throw a PlotInputError', () => {
  assert.throws(() => barChart(['a'], [1, 2], texts), PlotInputError);
  assert.throws(() => barChart([], [], texts), PlotInputError);
  assert.throws(() => barChart(['a', 'a'], [1, 2], texts), /unique labels/);
});
