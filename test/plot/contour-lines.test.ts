import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contourLevels, contourSegments } from '../../src/plot/contour-lines.js';
import { flattenGrid } from '../../src/plot/grid.js';

test('levels are evenly spaced strictly inside the range, linearly or in log10', () => {
  assert.deepEqual(contourLevels(0, 10, 4, 'linear'), [2, 4, 6, 8]);
  const log = contourLevels(1, 1000, 2, 'log');
  assert.ok(Math.abs(log[0]! - 10) < 1e-9 && Math.abs(log[1]! - 100) < 1e-9, `${log}`);
});

test('the documented example: z = x0 on a unit cell gives the line x0 = 0.5', () => {
  const g = flattenGrid({ x0: [0, 1], x1: [0, 1], z: Float64Array.of(0, 1, 0, 1) }, 't');
  assert.deepEqual(contourSegments(g, [0.5]), [{ level: 0.5, x: 0.5, y: 0, x2: 0.5, y2: 1 }]);
});

test('the level sets of x0² + x1² are closed rings of segments on the circle r = √c', () => {
  // Offset so that no grid point lies exactly on the level.
  const axis = Array.from({ length: 41 }, (_, i) => -2.03 + i * 0.1);
  const g = flattenGrid(
    { x0: axis, x1: axis, z: axis.map((b) => axis.map((a) => a * a + b * b)) },
    't',
  );
  const segments = contourSegments(g, [1]);
  assert.ok(segments.length > 40);
  // Linear interpolation of a quadratic errs by at most h²/4 in z, so r by about that much too.
  for (const s of segments) {
    for (const r of [Math.hypot(s.x, s.y), Math.hypot(s.x2, s.y2)])
      assert.ok(Math.abs(r - 1) < 0.01, `r = ${r}`);
  }
  // Every endpoint is shared by exactly two segments: the ring is closed.
  const count = new Map<string, number>();
  for (const s of segments) {
    for (const key of [
      `${s.x.toFixed(9)},${s.y.toFixed(9)}`,
      `${s.x2.toFixed(9)},${s.y2.toFixed(9)}`,
    ]) {
      count.set(key, (count.get(key) ?? 0) + 1);
    }
  }
  assert.ok([...count.values()].every((n) => n === 2));
});

test('a saddle cell is split by the cell mean into two segments that cut off the opposite corners', () => {
  // Corners (0,0)=1, (1,0)=0, (1,1)=1, (0,1)=0: the mean 0.5 ≥ level 0.4 joins the high corners,
  // so the segments cut off the low corners (1,0) and (0,1).
  const g = flattenGrid({ x0: [0, 1], x1: [0, 1], z: Float64Array.of(1, 0, 0, 1) }, 't');
  const segments = contourSegments(g, [0.4]);
  assert.equal(segments.length, 2);
  const near = (s: { x: number; y: number; x2: number; y2: number }, cx: number, cy: number) =>
    Math.hypot((s.x + s.x2) / 2 - cx, (s.y + s.y2) / 2 - cy) < 0.5;
  assert.ok(segments.some((s) => near(s, 1, 0)) && segments.some((s) => near(s, 0, 1)));
  // With level 0.6 the mean is below it, so the high corners (0,0) and (1,1) are cut off instead.
  const other = contourSegments(g, [0.6]);
  assert.ok(other.some((s) => near(s, 0, 0)) && other.some((s) => near(s, 1, 1)));
});

test('cells with a non-finite corner produce no segment', () => {
  const g = flattenGrid({ x0: [0, 1], x1: [0, 1], z: Float64Array.of(0, Number.NaN, 0, 1) }, 't');
  assert.deepEqual(contourSegments(g, [0.5]), []);
});
