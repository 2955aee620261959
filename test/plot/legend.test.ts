import assert from 'node:assert/strict';
import { test } from 'node:test';
import { legendFor } from '../../src/plot/legend.js';

test('an inside legend gets a white box, an outside one none, and none means no legend', () => {
  assert.deepEqual(legendFor('right', 'stroke'), { orient: 'right', symbolType: 'stroke' });
  assert.deepEqual(legendFor('top-left', 'circle'), {
    orient: 'top-left',
    symbolType: 'circle',
    fillColor: 'white',
    strokeColor: '#bbb',
    padding: 8,
  });
  assert.equal(legendFor('none', 'stroke'), null);
});
