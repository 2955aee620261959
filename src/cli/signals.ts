/** A watch on SIGINT and SIGTERM while training runs. */
export interface SignalWatch {
  /** The first signal received, or null. */
  received(): NodeJS.Signals | null;
  /** 130 after SIGINT, 143 after SIGTERM (128 + the signal number, as shells report). */
  exitCode(): number;
  /** Removes the handlers. */
  dispose(): void;
}

/**
 * Catches Ctrl-C (SIGINT) and SIGTERM so that training can stop between two steps and write a
 * checkpoint. A second signal exits at once with the same code.
 */
export function watchSignals(): SignalWatch {
  let first: NodeJS.Signals | null = null;
  const code = (s: NodeJS.Signals | null): number => (s === 'SIGTERM' ? 143 : 130);
  const handler = (signal: NodeJS.Signals): void => {
    if (first !== null) process.exit(code(first));
    first = signal;
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    received: () => first,
    exitCode: () => code(first),
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

/**
 * Runs `work` with Ctrl-C and SIGTERM held back until it finishes, so that a group of files is
 * written whole (and writeFileAtomic is never cut between its temporary file and its rename).
 * Outside such sections the default action stands: a signal ends a long computation at once,
 * which is safe because nothing is being written then. Returns the signal received meanwhile,
 * or null; a second signal exits at once (see watchSignals).
 * @example
 * const { signal } = await deferSignals(() => writeExperimentRun(dir, experiment, result, info));
 * if (signal !== null) return 130; // the folder is complete; stop before the next experiment
 * // not run: a fragment of the experiment command, writes a run folder
 */
export async function deferSignals<T>(
  work: () => Promise<T>,
): Promise<{ value: T; signal: NodeJS.Signals | null; exitCode: number }> {
  const watch = watchSignals();
  try {
    const value = await work();
    return { value, signal: watch.received(), exitCode: watch.exitCode() };
  } finally {
    watch.dispose();
  }
}
