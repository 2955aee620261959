import { LossInputError } from './loss-error.js';

/**
 * An optional numeric option with its default, checked by `ok`; the error says `expected`.
 * @example numberOption('huberLoss', 'delta', 0.5, 1, (d) => d > 0, 'a number > 0'); // → 0.5
 */
export function numberOption(
  where: string,
  name: string,
  value: number | undefined,
  fallback: number,
  ok: (v: number) => boolean,
  expected: string,
): number {
  const v = value ?? fallback;
  if (typeof v !== 'number' || Number.isNaN(v) || !ok(v)) {
    throw new LossInputError(where, `options.${name}`, expected, String(v));
  }
  return v;
}

/**
 * An optional boolean option with its default.
 * @example booleanOption('klDivLoss', 'logTarget', undefined, false); // → false
 */
export function booleanOption(
  where: string,
  name: string,
  value: boolean | undefined,
  fallback: boolean,
): boolean {
  const v = value ?? fallback;
  if (typeof v !== 'boolean')
    throw new LossInputError(where, `options.${name}`, 'true or false', String(v));
  return v;
}

/** Accepts any finite number. @example numberOption('f', 'margin', 2, 1, finite, 'a finite number')  // 2 */
export const finite = (v: number): boolean => Number.isFinite(v);
