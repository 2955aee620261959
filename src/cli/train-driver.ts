import type { FinalAccuracy } from '../train/train-history.js';
import { trainSteps } from '../train/train-steps.js';
import type { TrainingRun } from '../train/training-run.js';
import { formatEarlyStop, formatEpoch, type ProgressReporter } from './progress-reporter.js';
import { writeCheckpoint } from './run-folder.js';
import type { SignalWatch } from './signals.js';

/**
 * Drives the generator, yielding to the event loop every 50 ms so that Ctrl-C and SIGTERM are
 * seen between two steps. Writes a checkpoint (with the `extra` metadata) at every epoch. Returns the final accuracies,
 * or null when a signal stopped the run.
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
    } else if (event.type === 'end' && event.earlyStop !== undefined) {
      reporter.log(formatEarlyStop(event.earlyStop));
    }
    if (performance.now() - lastYield > 50) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    }
  }
}
