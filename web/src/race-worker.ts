import { GRADIENT_METHODS, GradientRace } from 'gradlab';
import type { LaneUpdate, RaceEvent, RaceRequest, RaceSettings } from './race-protocol.js';

/**
 * The race worker: runs the library's GradientRace (numerical gradient vs backprop, equal compute
 * time each) in slices, posting each lane's new points after every slice, so a stop message is
 * handled between two slices and the page never waits on the race.
 */
const scope = self as unknown as {
  postMessage(message: RaceEvent): void;
  onmessage: ((e: MessageEvent<RaceRequest>) => void) | null;
};
const post = (message: RaceEvent): void => scope.postMessage(message);

const SLICE_MS = 60;

let run = 0;

function start(settings: RaceSettings): void {
  const id = ++run;
  const race = new GradientRace({
    inputSize: settings.inputSize,
    hiddenSize: settings.hiddenSize,
    seed: settings.seed,
  });
  post({ type: 'started', parameterCount: race.parameterCount, samples: race.t.length });
  const sent = { numerical: 0, backprop: 0 };
  const budgetMs = settings.seconds * 1000;
  const slice = (): void => {
    if (id !== run) return;
    race.advance(SLICE_MS);
    const lanes: LaneUpdate[] = GRADIENT_METHODS.map((method) => {
      const lane = race.lane(method);
      const from = sent[method];
      sent[method] = lane.iteration;
      return {
        method,
        iteration: lane.iteration,
        elapsedMs: lane.elapsedMs,
        losses: lane.losses.slice(from),
        times: lane.times.slice(from),
      };
    });
    const done = lanes.every((lane) => lane.elapsedMs >= budgetMs);
    post({ type: 'progress', lanes, ratio: race.ratio, done });
    if (!done) setTimeout(slice, 0);
  };
  setTimeout(slice, 0);
}

scope.onmessage = (e) => {
  const request = e.data;
  try {
    if (request.type === 'start') start(request.settings);
    else run++;
  } catch (error) {
    run++;
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
