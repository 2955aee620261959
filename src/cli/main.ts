import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describeError, printableLine } from './cli-error.js';
import { registerDataCommand } from './data-command.js';
import { registerEvalCommand } from './eval-command.js';
import { registerExportCommand } from './export-command.js';
import { registerGradcheckCommand } from './gradcheck-command.js';
import { registerGraphCommand } from './graph-command.js';
import { registerPredictCommand } from './predict-command.js';
import { registerTrainCommand } from './train-command.js';

/**
 * The gradlab program: train, eval, predict, gradcheck, export, graph, experiment. Wrong options print one
 * line and exit 2 (commander's own messages, made to exit 2 instead of 1).
 * @example
 * await createProgram().parseAsync(['node', 'gradlab', 'train', '--iters', '100']); // not run: trains and writes runs/
 */
export function createProgram(
  setExitCode: (code: number) => void = () => {},
  registerExperiment: (
    program: Command,
    setExitCode: (code: number) => void,
  ) => Command = registerExperimentPlaceholder,
): Command {
  const program = new Command('gradlab')
    .description(
      'neural networks from scratch (Deep Learning from Scratch, chapters 4-5): train, evaluate and inspect MNIST classifiers',
    )
    .showSuggestionAfterError(true)
    .exitOverride();
  program.configureOutput({
    // commander may add a "(Did you mean …?)" line: keep it, on the same line. An argument it
    // echoes may hold control characters: escaped, so the message stays one line.
    outputError: (text, write) =>
      write(`gradlab: ${printableLine(text.replace(/^error: /, '').trim())}\n`),
  });
  registerTrainCommand(program, setExitCode);
  registerEvalCommand(program);
  registerDataCommand(program);
  registerPredictCommand(program);
  registerGradcheckCommand(program);
  registerExportCommand(program);
  registerGraphCommand(program);
  registerExperiment(program, setExitCode);
  for (const command of program.commands) command.exitOverride().showSuggestionAfterError(true);
  return program;
}

/**
 * `experiment` as it appears in `gradlab --help`, without loading the experiments (they pull in
 * the chart renderer, over a second of start-up): main loads the real command when asked for it.
 */
function registerExperimentPlaceholder(program: Command): Command {
  return program
    .command('experiment')
    .description(
      "run the seeded experiments behind the seed notes' figures: writes figures (SVG + PNG) and summary.json",
    )
    .argument('[name]', "an experiment name (see --list) or 'all'")
    .allowUnknownOption();
}

/**
 * Runs the CLI on `argv` and returns the exit code; every error becomes one line on stderr
 * (typed errors: their message; anything else: marked internal, with its first stack frame).
 */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const wantsExperiment = argv.slice(2, 4).includes('experiment');
  const program = createProgram(
    (code) => {
      exitCode = code;
    },
    wantsExperiment ? (await import('./experiment.js')).registerExperimentCommand : undefined,
  );
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (e) {
    const { line, code } = describeError(e);
    if (line !== '') process.stderr.write(`${line}\n`);
    if (process.env.GRADLAB_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return code;
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/** `gradlab … | head` closes the pipe early: stop quietly instead of crashing on EPIPE. */
export function exitQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
  }
}

if (isEntryPoint()) {
  exitQuietlyOnClosedPipe();
  process.exitCode = await main(process.argv);
}
