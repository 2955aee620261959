import { MultiBar, Presets } from 'cli-progress';
import type { EpochRecord, FinalAccuracy } from '../train/train-history.js';
import type { EarlyStop } from '../train/train-steps.js';

/** What the train command tells the user while it runs. */
export interface ProgressReporter {
  /** A step finished; called for every step (implementations throttle their output). */
  step(iteration: number, loss: number): void;
  /** A line that must appear (epoch lines, messages), above the bar on a terminal. */
  log(line: string): void;
  /** Removes the bar; later output goes to plain lines. */
  stop(): void;
}

/** m:ss or h:mm:ss. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * The epoch line: epoch, iteration, train and test accuracy (and validation when measured);
 * for value targets the mean losses instead.
 * @example
 * const row = { epoch: 1, iteration: 600, trainAccuracy: 0.9, testAccuracy: 0.91, validationAccuracy: null };
 * formatEpoch(row, 16, 9600); // → 'epoch  1/16  iteration  600  train acc 0.9000  test acc 0.9100'
 */
export function formatEpoch(e: EpochRecord, totalEpochs: number, totalIterations: number): string {
  const ew = String(totalEpochs).length;
  const iw = String(totalIterations).length;
  const of = totalEpochs > 0 ? `/${totalEpochs}` : '';
  return (
    `epoch ${String(e.epoch).padStart(ew)}${of}  iteration ${String(e.iteration).padStart(iw)}  ` +
    formatMeasures(e, '  ')
  );
}

/**
 * The line that says where early stopping ended a run and which epoch's parameters it kept.
 * @example
 * formatEarlyStop({ bestEpoch: 3, bestIteration: 45, bestValidationLoss: 0.25, stoppedAt: 75, stoppedEarly: true });
 * // 'early stopping: stopped at iteration 75; best validation loss 0.2500 at epoch 3 (iteration 45), whose parameters the model keeps'
 */
export function formatEarlyStop(e: EarlyStop): string {
  const where = e.stoppedEarly
    ? `stopped at iteration ${e.stoppedAt}`
    : `ran to the last iteration (${e.stoppedAt})`;
  return `early stopping: ${where}; best validation loss ${e.bestValidationLoss.toFixed(4)} at epoch ${e.bestEpoch} (iteration ${e.bestIteration}), whose parameters the model keeps`;
}

/**
 * The measures of an epoch or the final record: 'train acc 0.9000  test acc 0.9100' (and
 * validation), or 'train loss 0.4100  test loss 0.4500' for value targets.
 * @example
 * formatMeasures({ trainAccuracy: null, testAccuracy: null, validationAccuracy: null, trainLoss: 0.5, testLoss: 0.6 }, ', ');
 * // 'train loss 0.5000, test loss 0.6000'
 */
export function formatMeasures(e: FinalAccuracy, sep: string): string {
  const parts: string[] = [];
  const add = (name: string, v: number | null | undefined): void => {
    if (v !== null && v !== undefined) parts.push(`${name} ${v.toFixed(4)}`);
  };
  add('train acc', e.trainAccuracy);
  add('test acc', e.testAccuracy);
  add('validation acc', e.validationAccuracy);
  add('train loss', e.trainLoss);
  add('test loss', e.testLoss);
  add('validation loss', e.validationLoss);
  return parts.join(sep);
}

/**
 * Iterations per second and ETA, measured from the first step reported (so the evaluation
 * before training does not count as slow steps); evaluations later in the run do count.
 */
class Rate {
  #t0 = 0;
  #it0 = -1;
  constructor(readonly total: number) {}
  /** Starts the clock at the first step (iteration 1 of the session counts as done at t0). */
  start(iteration: number): void {
    if (this.#it0 >= 0) return;
    this.#t0 = performance.now();
    this.#it0 = iteration - 1;
  }
  measure(iteration: number): { speed: number; eta: number } {
    this.start(iteration);
    const seconds = (performance.now() - this.#t0) / 1000;
    const done = iteration - this.#it0;
    const speed = seconds > 0 ? done / seconds : 0;
    return { speed, eta: speed > 0 ? (this.total - iteration) / speed : Number.NaN };
  }
}

/**
 * A live bar on a terminal: iteration/total, loss, iterations per second and ETA, redrawn at
 * most 10 times a second; log lines print above it.
 */
export function createBarReporter(
  total: number,
  startIteration: number,
  stream: NodeJS.WriteStream,
): ProgressReporter {
  const multi = new MultiBar(
    {
      stream,
      format: 'train {bar} {value}/{total} | loss {loss} | {speed} it/s | ETA {etaText}',
      hideCursor: true,
      clearOnComplete: true,
      barsize: 30,
      fps: 10,
    },
    Presets.shades_classic,
  );
  const bar = multi.create(total, startIteration, { loss: '-', speed: '-', etaText: '--:--' });
  const rate = new Rate(total);
  let last = 0;
  let stopped = false;
  return {
    step(iteration, loss) {
      rate.start(iteration);
      const now = performance.now();
      if (now - last < 100 && iteration < total) return;
      last = now;
      const { speed, eta } = rate.measure(iteration);
      bar.update(iteration, {
        loss: loss.toFixed(4),
        speed: speed.toFixed(0),
        etaText: formatDuration(eta),
      });
    },
    log(line) {
      if (stopped) stream.write(`${line}\n`);
      else multi.log(`${line}\n`);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      multi.stop();
    },
  };
}

/**
 * Plain lines for logs and pipes: a progress line every 5% of the run, plus the log lines.
 */
export function createLineReporter(total: number, write: (line: string) => void): ProgressReporter {
  const every = Math.max(1, Math.round(total / 20));
  const rate = new Rate(total);
  const width = String(total).length;
  return {
    step(iteration, loss) {
      rate.start(iteration);
      if (iteration % every !== 0 && iteration !== total) return;
      const { speed, eta } = rate.measure(iteration);
      write(
        `iteration ${String(iteration).padStart(width)}/${total}  loss ${loss.toFixed(4)}  ${speed.toFixed(0)} it/s  ETA ${formatDuration(eta)}`,
      );
    },
    log: write,
    stop() {},
  };
}
