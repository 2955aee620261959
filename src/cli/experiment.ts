import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError, Option } from 'commander';
import {
  EXPERIMENT_SIZES,
  ExperimentError,
  type Experiment,
  type ExperimentData,
  type ExperimentSize,
} from '../experiments/experiment.js';
import { EXPERIMENTS, findExperiment } from '../experiments/registry.js';
import { loadDataset } from '../platform/node/datasets.js';
import {
  readExperimentRecords,
  writeExperimentRun,
  writeGallery,
} from '../platform/node/experiments-gallery.js';
import { BACKEND_NAMES, DEFAULT_BACKEND, useBackend, type BackendName } from './backend-choice.js';
import { backendRunners } from './backend-runners.js';
import { UsageError } from './cli-error.js';
import { deferSignals } from './signals.js';

/** Options of `gradlab experiment`. */
export interface ExperimentCommandOptions {
  list?: boolean;
  full?: boolean;
  size?: ExperimentSize;
  seed: number;
  out: string;
  backend: BackendName;
}

/**
 * Adds the arguments, options and action of `experiment [name]` to a command, so the same
 * definition serves `gradlab experiment` and the standalone `tsx src/cli/experiment.ts`.
 */
export function configureExperimentCommand(
  command: Command,
  setExitCode: (code: number) => void = () => {},
): Command {
  return command
    .description(
      "run the seeded experiments behind the seed notes' figures: writes figures (SVG + PNG) and summary.json",
    )
    .argument('[name]', "an experiment name (see --list) or 'all' (also writes index.html)")
    .option('--list', 'list the experiments, one line each')
    .option('--full', "run at the book's full size (slow) instead of the fast default")
    .option('--size <size>', `run size: ${EXPERIMENT_SIZES.join(', ')} (default fast)`, parseSize)
    .option('--seed <n>', 'seed of every random choice', parseSeed, 0)
    .option('--out <dir>', 'output folder', join('runs', 'experiments'))
    .addOption(
      new Option('--backend <name>', 'compute backend')
        .choices(BACKEND_NAMES)
        .default(DEFAULT_BACKEND),
    )
    .action(async (name: string | undefined, options: ExperimentCommandOptions) => {
      setExitCode(await runExperimentCommand(name, options, (line) => console.log(line)));
    });
}

/**
 * Registers `gradlab experiment [name]` on the gradlab program (wired in src/cli/main.ts).
 * @example
 * registerExperimentCommand(program); // gradlab experiment numerical-diff | all | --list (not run: needs the commander program)
 */
export function registerExperimentCommand(
  program: Command,
  setExitCode?: (code: number) => void,
): Command {
  return configureExperimentCommand(program.command('experiment'), setExitCode);
}

/**
 * The experiments a command line asks for: none for --list or without a name, every one for
 * 'all', else the one named (an unknown name is a UsageError, exit 2).
 * @example
 * selectExperiments('all', {}).length; // → EXPERIMENTS.length
 */
export function selectExperiments(
  name: string | undefined,
  options: { readonly list?: boolean },
): readonly Experiment[] {
  if (options.list || name === undefined) return [];
  return name === 'all' ? EXPERIMENTS : [findOrUsage(name)];
}

/**
 * Runs the experiment command: lists, or runs one or all experiments, writing
 * `<out>/<name>/` for each and refreshing `<out>/index.html` from the summaries present.
 * Ctrl-C (or SIGTERM) while an experiment computes ends the process at once (nothing is being
 * written); while its files are written it is held back until they are all whole, then the
 * command stops there. Returns the exit code: 0, or 130 / 143 after SIGINT / SIGTERM.
 */
export async function runExperimentCommand(
  name: string | undefined,
  options: ExperimentCommandOptions,
  print: (line: string) => void,
): Promise<number> {
  const selected = selectExperiments(name, options);
  if (selected.length === 0) {
    const width = Math.max(...EXPERIMENTS.map((e) => e.name.length));
    for (const e of EXPERIMENTS) print(`${e.name.padEnd(width)}  ${e.claim}`);
    if (!options.list)
      print('\nrun one with `gradlab experiment <name>`, all with `gradlab experiment all`');
    return 0;
  }
  const size: ExperimentSize = options.size ?? (options.full ? 'full' : 'fast');
  const backend = await useBackend(options.backend);
  const mnist = selected.some((e) => e.needsMnist) ? loadMnist(print) : undefined;
  for (const experiment of selected) {
    print(`${experiment.name}: ${experiment.title} (${size}, seed ${options.seed}, ${backend})`);
    const start = performance.now();
    const result = experiment.run({
      size,
      seed: options.seed,
      mnist,
      progress: (message) => print(`  ${message}`),
      now: () => performance.now(),
      backends: backendRunners(),
    });
    const runtimeSeconds = (performance.now() - start) / 1000;
    const dir = join(options.out, experiment.name);
    const written = await deferSignals(() =>
      writeExperimentRun(dir, experiment, result, {
        size,
        seed: options.seed,
        runtimeSeconds,
        backend,
      }),
    );
    for (const k of result.key) print(`  ${k.label}: ${k.value}`);
    print(
      `  ${runtimeSeconds.toFixed(1)} s → ${dir}/ (${result.figures.map((f) => f.name).join(', ')})`,
    );
    if (written.signal !== null) {
      print(`interrupted (${written.signal}) after writing ${dir}/ whole; gallery not refreshed`);
      return written.exitCode;
    }
  }
  const gallery = await deferSignals(async () => {
    const records = readExperimentRecords(
      options.out,
      EXPERIMENTS.map((e) => e.name),
      (path, reason) => print(`gallery: skipped ${path}: ${reason}; run its experiment again`),
    );
    return `${await writeGallery(options.out, records)} (${records.length} experiments)`;
  });
  print(`gallery: ${gallery.value}`);
  return gallery.signal === null ? 0 : gallery.exitCode;
}

/** The experiment called `name`; an unknown name is a wrong command line (exit 2). */
function findOrUsage(name: string): Experiment {
  try {
    return findExperiment(name);
  } catch (error) {
    if (error instanceof ExperimentError) throw new UsageError(error.message);
    throw error;
  }
}

function loadMnist(print: (line: string) => void): ExperimentData {
  const start = performance.now();
  const { train, test } = loadDataset('mnist');
  print(
    `mnist: ${train.count} train, ${test.count} test images (${((performance.now() - start) / 1000).toFixed(1)} s)`,
  );
  return { train, test };
}

function parseSize(value: string): ExperimentSize {
  if (!(EXPERIMENT_SIZES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(
      `expected one of ${EXPERIMENT_SIZES.join(', ')}, found '${value}'`,
    );
  }
  return value as ExperimentSize;
}

function parseSeed(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n))
    throw new InvalidArgumentError(`expected an integer, found '${value}'`);
  return n;
}

/** True when this file is the program being run (tsx src/cli/experiment.ts …). */
function isMain(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  configureExperimentCommand(new Command('gradlab-experiment'), (code) => {
    process.exitCode = code;
  })
    .parseAsync(process.argv)
    .catch((error: unknown) => {
      console.error(error instanceof UsageError ? `error: ${error.message}` : error);
      process.exitCode = 1;
    });
}
