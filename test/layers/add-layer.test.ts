import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AddLayer } from '../../src/layers/add-layer.js';
import { numericalDiff } from '../../src/numerical/numerical-diff.js';

test('AddLayer backward matches the numerical derivative of each input', () => {
  const layer = new AddLayer();
  const [x, y] = [0.4, 9];
  assert.equal(layer.forward(x, y), 9.4);
  const [dx, dy] = layer.backward(-1.5);
  assert.ok(Math.abs(dx - numericalDiff((v) => -1.5 * (v + y), x)) < 1e-9);
  assert.ok(Math.abs(dy - numericalDiff((v) => -1.5 * (x + v), y)) < 1e-9);
});

test('AddLayer passes dout to both inputs unchanged (200 + 450 → 650, 1.1 → [1.1, 1.1])', () => {
  const layer = new AddLayer();
  assert.equal(layer.forward(200, 450), 650);
  assert.deepEqual(layer.backward(1.1), [1.1, 1.1]);
});
