import { TableError } from './table-error.js';

/** Which columns of a table are the target and the features, by position in the header (target −1: none). */
export interface TableColumns {
  readonly header: readonly string[];
  readonly target: number;
  readonly features: readonly number[];
}

/**
 * Finds the target and feature columns in a header: `features` by name, or every column but
 * the target when absent. A missing, repeated or empty name is a TableError naming line 1.
 * A null target reads features only (predictions for rows without a known answer).
 * @example
 * chooseColumns('cars.csv', ['hp', 'weight', 'mpg'], 'mpg').features; // [0, 1]
 */
export function chooseColumns(
  source: string,
  header: readonly string[],
  target: string | null,
  features?: readonly string[],
): TableColumns {
  const names = header.map((h) => h.trim());
  const seen = new Set<string>();
  names.forEach((n, i) => {
    if (n === '')
      throw new TableError(source, 1, null, `column ${i + 1} has no name in the header`);
    if (seen.has(n)) throw new TableError(source, 1, n, 'the header names this column twice');
    seen.add(n);
  });
  const find = (name: string, what: string): number => {
    const i = names.indexOf(name);
    if (i < 0) {
      throw new TableError(
        source,
        1,
        name,
        `no such ${what} column; the columns are ${names.join(', ')}`,
      );
    }
    return i;
  };
  const t = target === null ? -1 : find(target, 'target');
  const f =
    features === undefined
      ? names.map((_, i) => i).filter((i) => i !== t)
      : features.map((n) => find(n, 'feature'));
  if (t >= 0 && f.includes(t))
    throw new TableError(source, 1, target, 'the target cannot also be a feature');
  if (f.length === 0) throw new TableError(source, 1, null, 'no feature columns beside the target');
  return { header: names, target: t, features: f };
}
