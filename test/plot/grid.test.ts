import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flattenGrid } from '../../src/plot/grid.js';
import { PlotInputError } from '../../src/plot/plot-error.js';

test('nested rows and a flat row-major z give the same grid', () => {
  const nested = flattenGrid(
    {
      x0: [0, 1, 2],
      x1: [0, 1],
      z: [
        [0, 1, 2],
        [10, 11, 12],
      ],
    },
    't',
  );
  const flat = flattenGrid(
    { x0: [0, 1, 2], x1: [0, 1], z: Float64Array.of(0, 1, 2, 10, 11, 12) },
    't',
  );
  assert.deepEqual(Array.from(nested.z), [0, 1, 2, 10, 11, 12]);
  assert.deepEqual(nested, flat);
});

test('axes that are too short or not increasing, and z of the wrong size, are refused', () => {
  assert.throws(() => flattenGrid({ x0: [0], x1: [0, 1], z: [[0], [1]] }, 'demo'), /demo: grid.x0/);
  assert.throws(() => flattenGrid({ x0: [0, 1], x1: [1, 0], z: [0, 0, 0, 0] }, 'demo'), /grid.x1/);
  assert.throws(
    () => flattenGrid({ x0: [0, 1], x1: [0, 1], z: [[0, 1], [1]] }, 'demo'),
    /grid.z\[1\]: expected 2 values \(x0.length\), found 1/,
  );
  assert.throws(
    () => flattenGrid({ x0: [0, 1], x1: [0, 1], z: [0, 1, 2] }, 'demo'),
    PlotInputError,
  );
});
