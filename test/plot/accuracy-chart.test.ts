import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accuracyChart } from '../../src/plot/accuracy-chart.js';
import { compileMessages, loose } from './compile-spec.js';

test('the accuracy chart draws the book’s figure: train solid with dots, test dashed, y in 0..1', () => {
  const spec = accuracyChart([0, 1, 2], [0.1, 0.8, 0.9], [0.1, 0.79, 0.88]);
  const s = loose(spec);
  assert.deepEqual(s.encoding.color.scale.domain, ['train acc', 'test acc']);
  assert.deepEqual(s.encoding.strokeDash.scale.range, [
    [1, 0],
    [6, 4],
  ]);
  assert.deepEqual(s.layer[1].transform[0].filter.oneOf, ['train acc']);
  assert.deepEqual(s.encoding.y.scale.domain, [0, 1]);
  assert.equal(s.encoding.x.title, 'epochs');
  assert.equal(s.encoding.y.title, 'accuracy');
  assert.equal(s.encoding.color.legend.orient, 'bottom-right');
  assert.deepEqual(compileMessages(spec), []);
});

test('accuracyChart puts epoch ticks on whole numbers only', () => {
  const spec = accuracyChart([0, 1], [0.1, 0.9], [0.1, 0.9]) as unknown as {
    encoding: { x: { axis?: { tickMinStep?: number; format?: string } } };
  };
  assert.equal(spec.encoding.x.axis?.tickMinStep, 1);
  assert.equal(spec.encoding.x.axis?.format, 'd');
});
