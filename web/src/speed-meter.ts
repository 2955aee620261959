/**
 * Iterations per second of training, from the time spent inside training steps only (not
 * evaluation, messaging or idle time between slices): a recent rate over about `windowMs` of
 * step time, and the average over the whole run.
 * @example
 * const meter = new SpeedMeter();
 * meter.add(50, 80); // 50 steps in 80 ms
 * meter.recent();    // 625
 */
export class SpeedMeter {
  readonly #windowMs: number;
  readonly #window: { steps: number; ms: number }[] = [];
  #totalSteps = 0;
  #totalMs = 0;

  constructor(windowMs = 1000) {
    this.#windowMs = windowMs;
  }

  /** Records `steps` iterations that took `ms` milliseconds of step time. */
  add(steps: number, ms: number): void {
    this.#window.push({ steps, ms });
    this.#totalSteps += steps;
    this.#totalMs += ms;
    let windowMs = this.#window.reduce((s, w) => s + w.ms, 0);
    while (this.#window.length > 1 && windowMs - this.#window[0]!.ms >= this.#windowMs) {
      windowMs -= this.#window.shift()!.ms;
    }
  }

  /** The rate over the last window. */
  recent(): number {
    let steps = 0;
    let ms = 0;
    for (const w of this.#window) {
      steps += w.steps;
      ms += w.ms;
    }
    return rate(steps, ms);
  }

  /** The rate over everything recorded. */
  average(): number {
    return rate(this.#totalSteps, this.#totalMs);
  }
}

function rate(steps: number, ms: number): number {
  return steps === 0 ? 0 : (1000 * steps) / Math.max(ms, 1e-3);
}
