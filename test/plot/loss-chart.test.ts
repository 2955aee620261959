import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lossChart } from '../../src/plot/loss-chart.js';
import { compileMessages, loose } from './compile-spec.js';

test('the loss chart has the book’s axis titles, one series and no legend', () => {
  const spec = lossChart([0, 1, 2], [2.3, 1.2, 0.7]);
  const s = loose(spec);
  assert.equal(s.title, 'Training loss');
  assert.equal(s.encoding.x.title, 'iteration');
  assert.equal(s.encoding.y.title, 'loss');
  assert.deepEqual(s.encoding.color.scale.domain, ['loss']);
  assert.equal(s.encoding.color.legend, null);
  assert.deepEqual(compileMessages(spec), []);
});

test('a log loss axis is available, and compiles without warnings', () => {
  const spec = lossChart([0, 1, 2], [2.3, 0.2, 0.01], { yScale: 'log', title: 'Loss (log)' });
  assert.equal(loose(spec).encoding.y.scale.type, 'log');
  assert.equal(loose(spec).title, 'Loss (log)');
  assert.deepEqual(compileMessages(spec), []);
});
