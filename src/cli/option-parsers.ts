import { InvalidArgumentError } from 'commander';

/**
 * Parsers for commander options: each turns the text into a value or throws commander's
 * InvalidArgumentError, which commander prints as one line naming the option and the text
 * (the program then exits 2).
 */

/** A finite number ≥ 0 (learning rate, weight decay). */
export function parseNonNegative(text: string): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || v < 0) {
    throw new InvalidArgumentError('expected a finite number ≥ 0.');
  }
  return v;
}

/**
 * A finite number > 0 (the learning rate of `train`: 0 would run every iteration and change
 * nothing, so on the command line it is a mistake; the library's optimizers accept 0).
 */
export function parsePositive(text: string): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || v <= 0) {
    throw new InvalidArgumentError('expected a finite number > 0.');
  }
  return v;
}

/** A number in [0, 1) (dropout ratio, validation fraction). */
export function parseFraction(text: string): number {
  const v = Number(text);
  if (text.trim() === '' || !(v >= 0 && v < 1))
    throw new InvalidArgumentError('expected a number in [0, 1).');
  return v;
}

/** A positive integer (batch size, iterations, epochs, sizes). */
export function parsePositiveInt(text: string): number {
  const v = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(v) || v <= 0) {
    throw new InvalidArgumentError('expected a positive integer.');
  }
  return v;
}

/** An integer ≥ 0 (a sample index). */
export function parseIndex(text: string): number {
  const v = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(v))
    throw new InvalidArgumentError('expected an integer ≥ 0.');
  return v;
}

/** Any safe integer (seed). */
export function parseSeed(text: string): number {
  const v = Number(text);
  if (!/^\s*-?\d+\s*$/.test(text) || !Number.isSafeInteger(v))
    throw new InvalidArgumentError('expected an integer.');
  return v;
}

/** A comma-separated list of positive integers, e.g. 100,100,100 (hidden sizes). */
export function parseSizeList(text: string): number[] {
  const parts = text.split(',');
  if (
    parts.some((p) => !/^\s*\d+\s*$/.test(p) || !Number.isSafeInteger(Number(p)) || Number(p) <= 0)
  ) {
    throw new InvalidArgumentError('expected positive integers separated by commas, e.g. 100,100.');
  }
  return parts.map(Number);
}

/**
 * Column names separated by commas, trimmed; an empty name is a commander InvalidArgumentError.
 * @example
 * parseNameList('Horsepower, Weight_in_lbs'); // ['Horsepower', 'Weight_in_lbs']
 */
export function parseNameList(text: string): string[] {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '')) {
    throw new InvalidArgumentError('expected column names separated by commas, e.g. a,b,c.');
  }
  return parts;
}
