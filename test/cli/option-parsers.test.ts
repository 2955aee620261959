import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidArgumentError } from 'commander';
import fc from 'fast-check';
import {
  parseFraction,
  parseIndex,
  parseNonNegative,
  parsePositive,
  parsePositiveInt,
  parseSeed,
  parseSizeList,
} from '../../src/cli/option-parsers.js';

test('numbers parse and bad text is an InvalidArgumentError', () => {
  assert.equal(parseNonNegative('0.1'), 0.1);
  assert.equal(parseNonNegative('1e-3'), 0.001);
  assert.equal(parsePositive('2.5e-4'), 0.00025);
  assert.equal(parsePositiveInt('100'), 100);
  assert.equal(parseFraction('0.2'), 0.2);
  assert.equal(parseSeed('-7'), -7);
  assert.equal(parseIndex('0'), 0);
  assert.deepEqual(parseSizeList('100,50, 10'), [100, 50, 10]);
  const bad: [(t: string) => unknown, string][] = [
    [parseNonNegative, '-1'],
    [parseNonNegative, ''],
    [parseNonNegative, 'abc'],
    [parseNonNegative, 'Infinity'],
    [parsePositive, '0'],
    [parsePositive, '-0'],
    [parsePositive, 'NaN'],
    [parsePositive, '1e309'],
    [parsePositiveInt, '0'],
    [parsePositiveInt, '1.5'],
    [parsePositiveInt, '1e3'],
    [parseFraction, '1'],
    [parseFraction, '-0.1'],
    [parseSeed, '1.5'],
    [parseIndex, '-1'],
    [parseSizeList, '100,,10'],
    [parseSizeList, '100,0'],
  ];
  for (const [parse, text] of bad) {
    assert.throws(() => parse(text), InvalidArgumentError, `${parse.name}('${text}')`);
  }
});

test('any text either parses to a value in range or is refused with InvalidArgumentError (property)', () => {
  const checks: [(t: string) => unknown, (v: unknown) => boolean][] = [
    [parseNonNegative, (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0],
    [parsePositive, (v) => typeof v === 'number' && Number.isFinite(v) && v > 0],
    [parseFraction, (v) => typeof v === 'number' && v >= 0 && v < 1],
    [parsePositiveInt, (v) => Number.isSafeInteger(v) && (v as number) > 0],
    [parseSeed, (v) => Number.isSafeInteger(v)],
    [
      parseSizeList,
      (v) => Array.isArray(v) && v.length > 0 && v.every((n) => Number.isSafeInteger(n) && n > 0),
    ],
  ];
  const text = fc.oneof(
    fc.string(),
    fc.stringMatching(/^-?[0-9.e,+ ]{0,12}$/),
    fc.double().map(String),
  );
  fc.assert(
    fc.property(text, (t) => {
      for (const [parse, valid] of checks) {
        try {
          assert.ok(valid(parse(t)), `${parse.name}('${t}')`);
        } catch (e) {
          if (!(e instanceof InvalidArgumentError)) throw e;
        }
      }
    }),
    { numRuns: 500 },
  );
});
