import type { MessageKey } from './i18n/i18n.js';

/** A function of two variables for the gradient-descent panel, with a view that suits it. */
export interface SurfaceFunction {
  readonly id: string;
  /** Shown in the selector. */
  readonly label: MessageKey;
  /** The formula in x0 and x1, parsed by the library's expression parser. */
  readonly expression: string;
  /** Square plotting domain [−extent, extent]². */
  readonly extent: number;
  readonly start: readonly [number, number];
  readonly lr: number;
  /** Level lines (dense near the minima where the path ends), or a count for typed formulas. */
  readonly levels: readonly number[] | number;
  readonly note: MessageKey;
}

/**
 * The book's function_2 (convex: one minimum), Himmelblau's function (four minima, all
 * global), a surface with a local and a global minimum, and a saddle, where the exact gradient
 * walks into the saddle point and mini-batch noise lets the path fall off it.
 */
export const SURFACES: readonly SurfaceFunction[] = [
  {
    id: 'bowl',
    label: 'descent.bowlLabel',
    expression: 'x0^2 + x1^2',
    extent: 4,
    start: [-3, 4],
    lr: 0.1,
    levels: [0.25, 1, 2, 4, 6, 9, 12, 16, 20, 25, 30],
    note: 'descent.bowlNote',
  },
  {
    id: 'local',
    label: 'descent.localLabel',
    expression: '(x0^4 - 3*x0^2 + x0) + x1^2',
    extent: 2.5,
    start: [2, 2],
    lr: 0.02,
    levels: [-3.4, -3, -2.5, -2, -1.5, -1, -0.5, 0, 1, 2, 4, 8, 16],
    note: 'descent.localNote',
  },
  {
    id: 'saddle',
    label: 'descent.saddleLabel',
    expression: 'x0^2 - x1^2',
    extent: 3,
    start: [-2.5, 0],
    lr: 0.1,
    levels: [-8, -6, -4, -2, -1, 0, 1, 2, 4, 6, 8],
    note: 'descent.saddleNote',
  },
  {
    id: 'himmelblau',
    label: 'descent.himmelblauLabel',
    expression: '(x0^2 + x1 - 11)^2 + (x0 + x1^2 - 7)^2',
    extent: 5,
    start: [-0.5, 0.5],
    lr: 0.01,
    levels: [0.5, 2, 5, 10, 20, 40, 70, 110, 160, 230, 320, 450],
    note: 'descent.himmelblauNote',
  },
];

/** The entry for a formula the learner types. */
export const CUSTOM_SURFACE: SurfaceFunction = {
  id: 'custom',
  label: 'descent.customLabel',
  expression: 'x0^2 + 3*x1^2',
  extent: 4,
  start: [-3, 3],
  lr: 0.1,
  levels: 12,
  note: 'descent.customNote',
};

/** The book's learning rates (§4.4.1: 10 diverges, 1e-10 barely moves) and two that work. */
export const LEARNING_RATE_PRESETS: readonly number[] = [10, 0.1, 0.01, 1e-10];
