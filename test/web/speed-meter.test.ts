import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SpeedMeter } from '../../web/src/speed-meter.js';

test('the recent rate forgets step time older than the window', () => {
  const meter = new SpeedMeter(1000);
  meter.add(100, 1000); // 100 it/s
  meter.add(400, 1000); // 400 it/s: the first second leaves the window
  assert.equal(meter.recent(), 400);
  assert.equal(meter.average(), 250);
});

test('no steps give a rate of 0, not NaN', () => {
  const meter = new SpeedMeter();
  assert.equal(meter.recent(), 0);
  assert.equal(meter.average(), 0);
  meter.add(0, 0);
  assert.equal(meter.average(), 0);
});
