import { CommanderError } from 'commander';
import { DivergenceError } from '../train/divergence.js';
import { TrainOptionsError } from '../train/train-options.js';

/** Exit code of a wrong command line (unknown option, bad value, conflicting options). */
export const EXIT_USAGE = 2;
/** Exit code of a failure: a bad file, a missing dataset, a diverged run. */
export const EXIT_FAILURE = 1;

/**
 * A command line that is wrong in a way commander cannot see (conflicting options, a missing
 * either/or option): printed as one line, exit code 2.
 * @example
 * throw new UsageError("give either --image or --index"); // → throws UsageError
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The error classes whose message is meant for the user: printed alone, no stack trace. */
const USER_ERRORS = new Set([
  'IdxFormatError',
  'DatasetError',
  'ImageDatasetError',
  'FileReadError',
  'FileWriteError',
  'SafetensorsError',
  'PngFormatError',
  'CheckpointError',
  'ModelFileError',
  'StateDictError',
  'DivergenceError',
  'OptimizerError',
  'OfflineLoadError',
  'WasmBackendError',
  'AllocationError',
  'TableError',
  'HeadError',
  'TargetError',
  'GraphError',
  'ExpressionError',
]);

const ESCAPES: Readonly<Record<string, string>> = { '\t': '\\t', '\r': '\\r' };

/**
 * Text as one printable line: line breaks (with the spaces around them) become one space and
 * every other control character is escaped (a carriage return as \r, ESC as \u001b), so that
 * an argument echoed in an error message can neither split the line nor drive the terminal.
 * @example
 * printableLine('a\nb'); // → 'a b'
 * // A backslash and an r, no carriage return:
 * printableLine('x\ry'); // → 'x\\ry'
 */
export function printableLine(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(
      /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
      (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
}

/**
 * A library error's message in the command line's words: the library names its options
 * (learningRate), the CLI its flags (--lr).
 * @example
 * cliMessage(new DivergenceError(2, 'loss', '', Number.NaN, 1)); // → 'training diverged at iteration 2: the loss is NaN with learning rate 1; try a smaller learning rate (e.g. --lr 0.1)'
 */
export function cliMessage(error: Error): string {
  if (error instanceof DivergenceError)
    return `${error.diagnosis}; try a smaller learning rate (e.g. --lr ${error.suggestedLearningRate})`;
  if (error instanceof TrainOptionsError)
    return `${flagOf(error.option)}: ${error.message.slice(`option ${error.option}: `.length)}`;
  return error.message;
}

/** Train options whose flag is not the option's name in kebab case. */
const FLAG_NAMES: Readonly<Record<string, string>> = {
  learningRate: 'lr',
  iterations: 'iters',
  hiddenSizes: 'hidden',
};

/**
 * The command-line flag of a train option: learningRate → --lr, earlyStopping → --early-stopping.
 * @example flagOf('weightDecay') // '--weight-decay'
 */
export function flagOf(option: string): string {
  const name = FLAG_NAMES[option] ?? option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return `--${name}`;
}

/** Errors that mean the command line was wrong (exit 2). */
const USAGE_ERRORS = new Set(['UsageError', 'TrainOptionsError']);

/**
 * How the top-level handler reports an error: the one line to print and the exit code.
 * Known errors print their message; anything else is a bug, reported with its first stack
 * frame so it can be found (set GRADLAB_DEBUG=1 for the whole stack).
 * @example
 * describeError(new UsageError('give --image or --index')); // → { line: 'gradlab: give --image or --index', code: 2 }
 */
export function describeError(error: unknown): { line: string; code: number } {
  if (error instanceof CommanderError)
    return { line: '', code: error.exitCode === 0 ? 0 : EXIT_USAGE };
  if (error instanceof Error) {
    const oneLine = printableLine(cliMessage(error));
    if (USAGE_ERRORS.has(error.name)) return { line: `gradlab: ${oneLine}`, code: EXIT_USAGE };
    if (USER_ERRORS.has(error.name)) return { line: `gradlab: ${oneLine}`, code: EXIT_FAILURE };
    const frame =
      error.stack
        ?.split('\n')
        .find((l) => l.trim().startsWith('at '))
        ?.trim() ?? '';
    return {
      line: `gradlab: internal error: ${error.name}: ${oneLine} (${frame})`,
      code: EXIT_FAILURE,
    };
  }
  return { line: `gradlab: internal error: ${String(error)}`, code: EXIT_FAILURE };
}
