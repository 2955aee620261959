import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gaussianBlobs } from '../../src/data/synthetic.js';
import { createRng } from '../../src/tensor/index.js';

test('blobs have C·perClass rows, perClass of each class, mixed in shuffled order', () => {
  const { x, t, centers } = gaussianBlobs({
    classes: 4,
    perClass: 50,
    dims: 3,
    rng: createRng(110),
  });
  assert.deepEqual(x.shape, [200, 3]);
  assert.equal(t.length, 200);
  assert.deepEqual(centers.shape, [4, 3]);
  const counts = [0, 0, 0, 0];
  for (const label of t) counts[label]++;
  assert.deepEqual(counts, [50, 50, 50, 50]);
  assert.equal(new Set(t.subarray(0, 12)).size, 4, 'the first rows already mix the classes');
});

test('each blob is centred on its centre with standard deviation `spread`', () => {
  const { x, t, centers } = gaussianBlobs({
    classes: 3,
    perClass: 2000,
    spread: 0.3,
    rng: createRng(111),
  });
  for (let k = 0; k < 3; k++) {
    const rows = [...t.keys()].filter((i) => t[i] === k);
    for (let j = 0; j < 2; j++) {
      const v = rows.map((i) => x.at(i, j));
      const mean = v.reduce((s, a) => s + a, 0) / v.length;
      const std = Math.sqrt(v.reduce((s, a) => s + (a - mean) ** 2, 0) / v.length);
      assert.ok(Math.abs(mean - centers.at(k, j)) < 0.03, `class ${k} dim ${j}: mean ${mean}`);
      assert.ok(Math.abs(std - 0.3) < 0.02, `class ${k} dim ${j}: std ${std}`);
    }
  }
  assert.ok(
    Math.abs(Math.hypot(centers.at(1, 0), centers.at(1, 1)) - 2) < 1e-12,
    'centres on the circle of radius 2',
  );
});

test('the same seed gives the same set, another seed another one, and 1-D blobs sit on a line', () => {
  const a = gaussianBlobs({ rng: createRng(5) });
  const b = gaussianBlobs({ rng: createRng(5) });
  assert.deepEqual(a.x.toArray(), b.x.toArray());
  assert.deepEqual(a.t, b.t);
  assert.notDeepEqual(gaussianBlobs({ rng: createRng(6) }).x.toArray(), a.x.toArray());
  assert.deepEqual(
    gaussianBlobs({ classes: 3, dims: 1, radius: 1, rng: createRng(7) }).centers.toArray(),
    [[-2], [0], [2]],
  );
  assert.equal(gaussianBlobs({ dtype: 'float32', rng: createRng(8) }).x.dtype, 'float32');
});

test('bad options throw a RangeError naming the option', () => {
  assert.throws(
    () => gaussianBlobs({ classes: 0, rng: createRng(0) }),
    /classes must be a positive integer, got 0/,
  );
  assert.throws(
    () => gaussianBlobs({ spread: -1, rng: createRng(0) }),
    /spread must be a finite number ≥ 0/,
  );
  assert.throws(
    () => gaussianBlobs({ radius: Infinity, rng: createRng(0) }),
    /radius must be a finite number ≥ 0, got Infinity/,
  );
  assert.throws(
    () => gaussianBlobs({} as Parameters<typeof gaussianBlobs>[0]),
    /gaussianBlobs: rng must be a generator from createRng\(seed\), got undefined/,
  );
});
