import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decimateMinMax } from '../../src/plot/decimate.js';

test('a series no longer than maxPoints keeps every index', () => {
  assert.deepEqual(decimateMinMax([3, 1, 2], 4), [0, 1, 2]);
});

test('the documented example keeps the endpoints and each bucket’s extremes', () => {
  assert.deepEqual(decimateMinMax([0, 5, 1, 1, 1, 9, 0, 0], 6), [0, 1, 5, 6, 7]);
});

test('a single spike in a long series survives thinning', () => {
  const y = Array.from({ length: 10_000 }, (_, i) => Math.sin(i / 50));
  y[4321] = 100;
  y[7777] = -100;
  const kept = decimateMinMax(y, 500);
  assert.ok(kept.length <= 500, `kept ${kept.length}`);
  assert.ok(kept.includes(4321) && kept.includes(7777));
  assert.equal(kept[0], 0);
  assert.equal(kept.at(-1), 9_999);
  assert.ok(
    kept.every((k, i) => i === 0 || k > kept[i - 1]!),
    'indices strictly increase',
  );
});

test('a NaN never displaces a real extreme of its bucket', () => {
  const y = [Number.NaN, 0, 7, -3, 1, 1, 1, 1, 1, 1];
  const kept = decimateMinMax(y, 4);
  assert.ok(kept.includes(2) && kept.includes(3), `kept ${kept}`);
});
