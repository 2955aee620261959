import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numericalDiff } from '../../src/numerical/numerical-diff.js';

const function1 = (x: number): number => 0.01 * x ** 2 + 0.1 * x;

test('numericalDiff reproduces the book values at x = 5 and x = 10 exactly', () => {
  assert.equal(numericalDiff(function1, 5), 0.1999999999990898);
  assert.equal(numericalDiff(function1, 10), 0.2999999999986347);
});

test('the partial derivatives of x0² + x1² at (3, 4) match the book', () => {
  assert.equal(
    numericalDiff((x0) => x0 * x0 + 4.0 ** 2.0, 3.0),
    6.00000000000378,
  );
  assert.equal(
    numericalDiff((x1) => 3.0 ** 2.0 + x1 * x1, 4.0),
    7.999999999999119,
  );
});

test('forward differences are less accurate than central ones, and h = 1e-50 gives 0', () => {
  const central = Math.abs(numericalDiff(function1, 5) - 0.2);
  const forward = Math.abs(numericalDiff(function1, 5, { method: 'forward' }) - 0.2);
  assert.ok(forward > 100 * central);
  assert.equal(numericalDiff(function1, 5, { h: 1e-50 }), 0);
});

test('h that is not a finite number > 0 and an unknown method throw saying what was expected', () => {
  for (const h of [0, -1e-4, Infinity, Number.NaN]) {
    assert.throws(
      () => numericalDiff(function1, 5, { h }),
      new RegExp(`numericalDiff: h must be a finite number > 0, got ${h}`),
    );
  }
  assert.throws(
    () => numericalDiff(function1, 5, { method: 'backward' as 'central' }),
    /method must be 'central' or 'forward', got 'backward'/,
  );
});

test('float32 rounds every step: h = 1e-4 loses about 4 digits, h = 1e-50 rounds to 0 and gives NaN', () => {
  const f = (x: number): number => 0.01 * x ** 2 + 0.1 * x;
  const r = Math.fround;
  const by32 = numericalDiff(f, 5, { float32: true });
  const byHand = r(r(r(f(r(5 + r(1e-4)))) - r(f(r(5 - r(1e-4))))) / r(2 * r(1e-4)));
  assert.equal(by32, byHand);
  assert.ok(
    Math.abs(by32 - 0.2) > 1e-5 && Math.abs(by32 - 0.2) < 1e-2,
    `float32 error ${by32 - 0.2}`,
  );
  assert.ok(Math.abs(numericalDiff(f, 5) - 0.2) < 1e-11);
  assert.ok(Number.isNaN(numericalDiff(f, 5, { h: 1e-50, float32: true })));
  assert.equal(numericalDiff(f, 5, { h: 1e-50 }), 0);
  const forward = numericalDiff(f, 5, { method: 'forward', float32: true });
  assert.equal(forward, r(r(r(f(r(5 + r(1e-4)))) - r(f(5))) / r(1e-4)));
});
