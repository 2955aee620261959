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
