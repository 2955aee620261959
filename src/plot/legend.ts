import type { LegendOrient } from 'vega';

/**
 * Where a chart's legend goes: outside on the right, inside a corner of the plot (as matplotlib's
 * `loc='lower right'`), or nowhere.
 */
export type LegendPlacement =
  'right' | 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right' | 'none';

/** A Vega-Lite legend definition for a placement, or `null` (no legend). */
export interface LegendSpec {
  orient: LegendOrient;
  symbolType: string;
  fillColor?: string;
  strokeColor?: string;
  padding?: number;
  symbolStrokeWidth?: number;
}

/**
 * The legend definition for a placement; inside legends get a white box so curves behind them
 * do not run through the labels.
 * @example
 * legendFor('bottom-right', 'stroke'); // { orient: 'bottom-right', symbolType: 'stroke', fillColor: 'white', ... }
 * legendFor('none', 'stroke'); // → null
 */
export function legendFor(placement: LegendPlacement, symbolType: string): LegendSpec | null {
  if (placement === 'none') return null;
  if (placement === 'right') return { orient: 'right', symbolType };
  return { orient: placement, symbolType, fillColor: 'white', strokeColor: '#bbb', padding: 8 };
}
