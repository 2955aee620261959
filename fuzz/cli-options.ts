import { CommanderError, type Command, type Option } from 'commander';
import { describeError } from '../src/cli/cli-error.js';
import { selectExperiments, registerExperimentCommand } from '../src/cli/experiment.js';
import { createProgram } from '../src/cli/main.js';
import { checkPredictFlags, type PredictFlags } from '../src/cli/predict-command.js';
import { checkResumeFlags, flagsToInput, type TrainFlags } from '../src/cli/train-flags.js';
import type { Rng } from '../src/tensor/rng.js';
import { resolveTrainOptions } from '../src/train/train-options.js';

/**
 * The command line of `gradlab` under fuzz: random argv arrays built from the real commands and
 * option names (read from the program itself) with boundary, garbage and well-formed values,
 * parsed in-process by the program main() builds. An action never runs: a preAction hook does
 * the option checks the action would do first (train: resolveTrainOptions or checkResumeFlags;
 * predict: checkPredictFlags; experiment: selectExperiments) and then stops, so no file is read
 * and nothing is trained. Outcomes: a clean usage error (exit 2 and exactly one stderr line
 * `gradlab: …` without control characters), accepted (the command would start, or help was printed), crash (anything
 * else: another exit code, an internal error, more than one line).
 */

/** Thrown by read() for a command line refused the way a user should see it. */
export class CleanUsageError extends Error {
  override readonly name = 'CleanUsageError';
}

class Accepted extends Error {}

interface CommandShape {
  readonly name: string;
  readonly options: readonly Option[];
  readonly positional: boolean;
}

const buildProgram = (): Command => createProgram(() => {}, registerExperimentCommand);

const SHAPES: readonly CommandShape[] = buildProgram().commands.map((c) => ({
  name: c.name(),
  options: c.options,
  positional: c.registeredArguments.length > 0,
}));
const ALL_OPTIONS = SHAPES.flatMap((s) => s.options);

const NUMBERS = [
  '0',
  '1',
  '2',
  '3',
  '100',
  '-1',
  '-0',
  '0.5',
  '0.999999',
  '1e-3',
  '1e3',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  '0b11',
  ' 7 ',
  '1_000',
  '9007199254740991',
  '9007199254740993',
  '2147483648',
  '4294967296',
  '1,2,3',
  '100,,10',
  '8,0',
  ',',
  '.',
  '+5',
  '5.',
  '.5',
  '',
];
const WORDS = [
  'mnist',
  'fashion-mnist',
  'all',
  'numerical-diff',
  'train',
  '-',
  '--',
  '-x',
  '/',
  '.',
  '..',
  '/dev/null',
  '/nonexistent/dir',
  'runs/x',
  '~',
  '$HOME',
  'a b',
  'line\nbreak',
  'cr\rreturn',
  'tab\tbed',
  'ünïcødé',
  '\u2028',
  '😀',
  '%s%n',
  '\u001b[31mred',
  "'quoted'",
  '"',
  '=',
  '--lr=1',
  'x'.repeat(5000),
];

const pick = <T>(items: readonly T[], rng: Rng): T => items[rng.int(items.length)];

function randomText(rng: Rng): string {
  const n = rng.int(12);
  let s = '';
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    // Mostly printable ASCII, some controls (never NUL: argv strings cannot hold it) and
    // some characters outside the BMP.
    const code =
      r < 0.8
        ? 32 + rng.int(95)
        : r < 0.9
          ? 1 + rng.int(31)
          : r < 0.95
            ? 0x80 + rng.int(0x7f80)
            : 0x1f600 + rng.int(80);
    s += String.fromCodePoint(code);
  }
  return s;
}

function randomValue(option: Option | undefined, rng: Rng): string {
  const r = rng.next();
  if (option?.argChoices !== undefined && r < 0.4) {
    const choice = pick(option.argChoices, rng);
    return rng.next() < 0.8 ? choice : choice.toUpperCase();
  }
  if (r < 0.7) return pick(NUMBERS, rng);
  if (r < 0.85) return pick(WORDS, rng);
  return randomText(rng);
}

function mangle(name: string, rng: Rng): string {
  const i = rng.int(name.length);
  switch (rng.int(4)) {
    case 0:
      return name.slice(0, i) + name.slice(i + 1);
    case 1:
      return name.slice(0, i) + String.fromCharCode(97 + rng.int(26)) + name.slice(i);
    case 2:
      return name.toUpperCase();
    default:
      return `-${name}`;
  }
}

/** One random command line (without `node gradlab`). */
export function generateArgv(rng: Rng): string[] {
  const argv: string[] = [];
  const r = rng.next();
  const shape = r < 0.9 ? pick(SHAPES, rng) : undefined;
  if (shape !== undefined) argv.push(shape.name);
  else if (r < 0.95) argv.push(pick(['help', 'trian', 'TRAIN', '', '-h', '--version'], rng));
  const own = shape?.options ?? ALL_OPTIONS;
  const tokens = rng.int(9);
  for (let i = 0; i < tokens; i++) {
    const t = rng.next();
    const option = t < 0.85 ? pick(t < 0.75 ? own : ALL_OPTIONS, rng) : undefined;
    if (option !== undefined && option.long !== undefined) {
      const takesValue = option.required || option.optional;
      const value = takesValue && rng.next() < 0.9 ? randomValue(option, rng) : undefined;
      const name = rng.next() < 0.05 ? mangle(option.long, rng) : option.long;
      if (value !== undefined && rng.next() < 0.15) argv.push(`${name}=${value}`);
      else argv.push(name, ...(value === undefined ? [] : [value]));
    } else if (t < 0.92) {
      argv.push(randomValue(undefined, rng));
    } else {
      argv.push(pick(['-h', '--help', '-V', '--', '--no-progress', '--no-charts', '-'], rng));
    }
  }
  return argv;
}

/** The argv as fuzz bytes (UTF-8 JSON). */
export function encodeArgv(argv: readonly string[]): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(argv));
}

/** The argv back from fuzz bytes. */
export function decodeArgv(bytes: Uint8Array): string[] {
  return JSON.parse(new TextDecoder().decode(bytes)) as string[];
}

/** The checks an action makes on its options before it reads a file. */
function checkBeforeAction(command: Command): void {
  const name = command.name();
  if (name === 'train') {
    const flags = command.opts<TrainFlags>();
    if (flags.resume !== undefined) checkResumeFlags(command);
    else resolveTrainOptions(flagsToInput(flags));
  } else if (name === 'predict') {
    checkPredictFlags(command.opts<PredictFlags>());
  } else if (name === 'experiment') {
    selectExperiments(command.processedArgs[0] as string | undefined, command.opts());
  }
}

// A control character echoed raw can move the cursor or recolour the terminal.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

const HELP_CODES = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

/**
 * Parses one command line; returns undefined when accepted, a problem description on a crash,
 * and throws CleanUsageError for a clean usage error.
 */
export function parseArgvCase(argv: readonly string[]): string | undefined {
  const program = buildProgram();
  program.hook('preAction', (_program, actionCommand) => {
    checkBeforeAction(actionCommand);
    throw new Accepted();
  });
  let stderr = '';
  const write = { out: process.stdout.write, err: process.stderr.write };
  process.stdout.write = (() => true) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => (
    (stderr += chunk),
    true
  )) as typeof process.stderr.write;
  let error: unknown;
  try {
    program.parse(['node', 'gradlab', ...argv]);
  } catch (e) {
    error = e;
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
  if (error === undefined) return 'parse returned without reaching an action';
  if (error instanceof Accepted) return undefined;
  if (error instanceof CommanderError && HELP_CODES.has(error.code)) return undefined;
  // What main() does with an error: print its line, exit with its code.
  const { line, code } = describeError(error);
  if (line !== '') stderr += `${line}\n`;
  const lines = stderr.split(/\r\n|\r|\n/).filter((l) => l !== '');
  if (
    code === 2 &&
    lines.length === 1 &&
    lines[0].startsWith('gradlab: ') &&
    !lines[0].includes('internal error') &&
    !CONTROL.test(lines[0])
  ) {
    throw new CleanUsageError(lines[0]);
  }
  return `exit ${code}, ${lines.length} stderr lines: ${JSON.stringify(stderr.slice(0, 300))} for ${JSON.stringify(argv).slice(0, 300)}`;
}
