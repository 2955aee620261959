import type { RaceLane } from 'gradlab';

/**
 * Messages between the Train tab's race card and its worker (race-worker.ts): the worker runs
 * the library's GradientRace; the page only draws what comes back.
 */

/** The race's settings, as the card's fields give them. */
export interface RaceSettings {
  /** Features per sample D. */
  readonly inputSize: number;
  readonly hiddenSize: number;
  /** Compute time each lane gets, in seconds. */
  readonly seconds: number;
  readonly seed: number;
}

/** What the card asks of the race worker. */
export type RaceRequest =
  { readonly type: 'start'; readonly settings: RaceSettings } | { readonly type: 'stop' };

/** One lane's totals, with only its new points since the last message in losses and times. */
export type LaneUpdate = RaceLane;

/** What the race worker tells the card. */
export type RaceEvent =
  | { readonly type: 'started'; readonly parameterCount: number; readonly samples: number }
  | {
      readonly type: 'progress';
      readonly lanes: readonly LaneUpdate[];
      /** Numerical ms per step ÷ backprop ms per step so far (NaN before both stepped). */
      readonly ratio: number;
      readonly done: boolean;
    }
  | { readonly type: 'error'; readonly message: string };
