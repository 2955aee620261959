import { test } from 'node:test';
import assert from 'node:assert/strict';
import { booleanOption, finite, numberOption } from '../../src/losses/loss-options.js';

test('numberOption gives the value or the default, and refuses what fails the check', () => {
  assert.equal(
    numberOption('f', 'delta', undefined, 1, (d) => d > 0, 'a number > 0'),
    1,
  );
  assert.equal(
    numberOption('f', 'delta', 0.5, 1, (d) => d > 0, 'a number > 0'),
    0.5,
  );
  assert.throws(
    () => numberOption('huberLoss', 'delta', 0, 1, (d) => d > 0, 'a number > 0'),
    /^LossInputError: huberLoss: options.delta: expected a number > 0, found 0$/,
  );
});

test('NaN and non-numbers are refused whatever the check says', () => {
  assert.throws(() => numberOption('f', 'm', Number.NaN, 1, () => true, 'x'), /found NaN/);
  assert.throws(
    () => numberOption('f', 'm', '2' as unknown as number, 1, () => true, 'x'),
    /found 2/,
  );
});

test('finite accepts finite numbers only', () => {
  assert.ok(finite(-3.5));
  assert.ok(!finite(Infinity));
  assert.throws(
    () => numberOption('f', 'margin', -Infinity, 1, finite, 'a finite number'),
    /options.margin: expected a finite number, found -Infinity/,
  );
});

test('booleanOption gives the value or the default and refuses non-booleans', () => {
  assert.equal(booleanOption('f', 'logTarget', undefined, false), false);
  assert.equal(booleanOption('f', 'logTarget', true, false), true);
  assert.throws(
    () => booleanOption('klDivLoss', 'logTarget', 1 as unknown as boolean, false),
    /klDivLoss: options.logTarget: expected true or false, found 1/,
  );
});
