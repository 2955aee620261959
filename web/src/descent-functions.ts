import type { MessageKey } from './i18n/i18n.js';

/** A function of two variables for the gradient-descent panel, with a view that suits it. */
export interface SurfaceFunction {
  readonly id: string;
  /** Shown in the selector. */
  readonly label: MessageKey;
  /** The formula, the chart title. */
  readonly title: string;
  readonly f: (x0: number, x1: number) => number;
  /** Square plotting domain [−extent, extent]². */
  readonly extent: number;
  readonly start: readonly [number, number];
  readonly lr: number;
  /** Level lines; dense near the minima where the path ends. */
  readonly levels: readonly number[];
  readonly note: MessageKey;
}

/**
 * The book's function_2 (convex: one minimum, every start converges for 0 < η < 1) and
 * Himmelblau's function (non-convex: four minima, a local maximum and saddles, so where the
 * path ends depends on the start).
 */
export const SURFACES: readonly SurfaceFunction[] = [
  {
    id: 'bowl',
    label: 'descent.bowlLabel',
    title: 'f = x0² + x1²',
    f: (x0, x1) => x0 * x0 + x1 * x1,
    extent: 4,
    start: [-3, 4],
    lr: 0.1,
    levels: [0.25, 1, 2, 4, 6, 9, 12, 16, 20, 25, 30],
    note: 'descent.bowlNote',
  },
  {
    id: 'himmelblau',
    label: 'descent.himmelblauLabel',
    title: 'f = (x0² + x1 − 11)² + (x0 + x1² − 7)²',
    f: (x0, x1) => (x0 * x0 + x1 - 11) ** 2 + (x0 + x1 * x1 - 7) ** 2,
    extent: 5,
    start: [-0.5, 0.5],
    lr: 0.01,
    levels: [0.5, 2, 5, 10, 20, 40, 70, 110, 160, 230, 320, 450],
    note: 'descent.himmelblauNote',
  },
];
