/**
 * Series colours: matplotlib's tab10 cycle, so gradlab's figures look like the book's
 * (blue first, orange second).
 * @example
 * SERIES_COLORS[0]; // → '#1f77b4'
 */
export const SERIES_COLORS: readonly string[] = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];
