import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compileExpression,
  ExpressionError,
  parseExpression,
} from '../../src/numerical/expression.js';

const XY = ['x0', 'x1'];

test("the book's function_2 typed as text gives the book's values", () => {
  const f = compileExpression('x0² + x1²', XY);
  assert.equal(f([3, 4]), 25);
  assert.equal(compileExpression('x0**2 + x1**2', XY)([3, 4]), 25);
  assert.equal(compileExpression('0.01*x^2 + 0.1*x', ['x'])([10]), 2);
});

test('powers are right-associative, bind above * and −, and a leading minus applies after them', () => {
  const value = (text: string, x: number[] = []): number => compileExpression(text, XY)(x);
  assert.equal(value('2^3^2'), 512);
  assert.equal(value('-2^2'), -4);
  assert.equal(value('2*3^2'), 18);
  assert.equal(value('(−2)^2'), 4);
  assert.equal(value('2·3 − 1'), 5);
  assert.equal(value('(x0^4 - 3*x0^2 + x0) + x1^2', [1, 1]), 0);
});

test('functions and constants', () => {
  assert.equal(compileExpression('sin(pi/2) + exp(0) + log(e) + sqrt(4) + abs(-1)', [])([]), 6);
  assert.equal(compileExpression('tanh(0) + cos(0) + tan(0)', [])([]), 1);
});

test('anything but arithmetic in the given names is a one-line ExpressionError', () => {
  for (const [text, reason] of [
    ['x2 + 1', "unknown name 'x2'"],
    ['alert(1)', "unknown function 'alert'"],
    ['x0 +', 'Expected expression'],
    ['x0 == 1', "unknown operator '=='"],
    ['"a"', 'is not a number'],
    ['x0.constructor', "'MemberExpression' is not allowed"],
    ['sin(x0, x1)', 'sin takes one argument'],
    ['x0 ? 1 : 2', 'is not allowed'],
    ['   ', 'empty'],
  ] as const) {
    assert.throws(
      () => parseExpression(text, XY),
      (e: unknown) =>
        e instanceof ExpressionError && e.message.includes(reason) && !e.message.includes('\n'),
      text,
    );
  }
});
