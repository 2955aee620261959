import type { TableSummary } from './table-scan.js';

/** An integer target with at most this many distinct values defaults to the categorical head. */
export const MAX_DEFAULT_CLASSES = 20;

/**
 * The head a table's target suggests: categorical for text or for at most MAX_DEFAULT_CLASSES
 * distinct integers, gaussian (least squares) for any other numbers. The CLI (without --head)
 * and the playground's CSV card both choose by this rule.
 * @example
 * defaultHead({ rows: 150, numericTarget: false, integerTarget: false, classes: ['setosa', 'versicolor', 'virginica'] }); // → 'categorical'
 */
export function defaultHead(summary: TableSummary): 'categorical' | 'gaussian' {
  const fewIntegers =
    summary.integerTarget &&
    summary.classes !== null &&
    summary.classes.length <= MAX_DEFAULT_CLASSES;
  return !summary.numericTarget || fewIntegers ? 'categorical' : 'gaussian';
}
