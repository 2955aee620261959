import type { FinalAccuracy } from '../train/train-history.js';
import { trainSteps } from '../train/train-steps.js';
import type { TrainingRun } from '../train/training-run.js';
import { formatEarlyStop, formatEpoch, type ProgressReporter } from './progress-reporter.js';
import { writeCheckpoint } from './run-folder.js';
import type { SignalWatch } from './signals.js';

/**
 * The epoch after which training waits for a signal, from GRADLAB_HOLD_AFTER_EPOCH (a positive
 * integer), or null. A test hook: a test that sends Ctrl-C on seeing `epoch 5/` cannot race a
 * run that would otherwise finish before the signal arrives. The wait ends after 60 s.
 */
export function holdAfterEpochFromEnv(env: NodeJS.ProcessEnv = process.env): number | null {
  const n = Number(env.GRADLAB_HOLD_AFTER_EPOCH ?? '');
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** Resolves once a signal has been received, or after `limitMs`. */
async function waitForSignal(signals: SignalWatch, limitMs: number): Promise<void> {
  const until = performance.now() + limitMs;
  while (signals.received() === null && performance.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Drives the generator, yielding to the event loop every 50 ms so that Ctrl-C and SIGTERM are
 * seen between two steps. Writes a checkpoint (with the `extra` metadata) at every epoch. Returns the final accuracies,
 * or null when a signal stopped the run. With GRADLAB_HOLD_AFTER_EPOCH=N it waits for a signal
 * after epoch N's checkpoint (see holdAfterEpochFromEnv).
 */
export async function driveTraining(
  run: TrainingRun,
  reporter: ProgressReporter,
  signals: SignalWatch,
  dir: string,
  extra: Readonly<Record<string, string>> = {},
): Promise<FinalAccuracy | null> {
  const totalEpochs = Math.floor(run.totalIterations / run.iterationsPerEpoch);
  const steps = trainSteps(run);
  const hold = holdAfterEpochFromEnv();
  let lastYield = performance.now();
  for (;;) {
    if (signals.received() !== null) return null;
    const next = steps.next();
    if (next.done === true) return next.value.final;
    const event = next.value;
    if (event.type === 'step') reporter.step(event.iteration, event.loss);
    else if (event.type === 'epoch') {
      reporter.log(formatEpoch(event, totalEpochs, run.totalIterations));
      writeCheckpoint(dir, run, extra);
      if (event.epoch === hold) await waitForSignal(signals, 60_000);
    } else if (event.type === 'end' && event.earlyStop !== undefined) {
      reporter.log(formatEarlyStop(event.earlyStop));
    }
    if (performance.now() - lastYield > 50) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    }
  }
}
