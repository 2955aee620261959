import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flattenGrid } from '../../src/plot/grid.js';
import { cellEdges, heatmapLayer } from '../../src/plot/heatmap.js';

test('cell edges are the midpoints between grid values, closed by the end values', () => {
  assert.deepEqual(cellEdges([0, 1, 3]), [0, 0.5, 2, 3]);
});

test('the heatmap has one cell per finite grid value, overlapping its neighbours by 10 %', () => {
  const g = flattenGrid(
    {
      x0: [0, 1, 2],
      x1: [0, 2],
      z: [
        [1, 2, Number.NaN],
        [4, 5, 6],
      ],
    },
    't',
  );
  const layer = heatmapLayer(g, 'linear', 'f');
  const rows = layer.data.values;
  assert.equal(rows.length, 5);
  assert.deepEqual(rows[0], { x: 0, x2: 0.55, y: 0, y2: 1.1, z: 1 });
  assert.deepEqual(rows.at(-1), { x: 1.5, x2: 2.05, y: 1, y2: 2.1, z: 6 });
  assert.equal(layer.mark.clip, true, 'the overlap past the last cell is clipped');
  assert.equal(layer.encoding.fill.title, 'f');
});
