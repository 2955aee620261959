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
import { UsageError } from './cli-error.js';

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
export function configureExperimentCommand(command: Command): Command {
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
      await runExperimentCommand(name, options, (line) => console.log(line));
    });
}

/**
 * Registers `gradlab experiment [name]` on the gradlab program (wired in src/cli/main.ts).
 * @example
 * registerExperimentCommand(program); // gradlab experiment numerical-diff | all | --list
 */
export function registerExperimentCommand(program: Command): Command {
  return configureExperimentCommand(program.command('experiment'));
}

/**
 * Runs the experiment command: lists, or runs one or all experiments, writing
 * `<out>/<name>/` for each and refreshing `<out>/index.html` from the summaries present.
 */
export async function runExperimentCommand(
  name: string | undefined,
  options: ExperimentCommandOptions,
  print: (line: string) => void,
): Promise<void> {
  if (options.list || name === undefined) {
    const width = Math.max(...EXPERIMENTS.map((e) => e.name.length));
    for (const e of EXPERIMENTS) print(`${e.name.padEnd(width)}  ${e.claim}`);
    if (!options.list)
      print('\nrun one with `gradlab experiment <name>`, all with `gradlab experiment all`');
    return;
  }
  const size: ExperimentSize = options.size ?? (options.full ? 'full' : 'fast');
  const selected: readonly Experiment[] = name === 'all' ? EXPERIMENTS : [findOrUsage(name)];
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
    });
    const runtimeSeconds = (performance.now() - start) / 1000;
    const dir = join(options.out, experiment.name);
    await writeExperimentRun(dir, experiment, result, {
      size,
      seed: options.seed,
      runtimeSeconds,
      backend,
    });
    for (const k of result.key) print(`  ${k.label}: ${k.value}`);
    print(
      `  ${runtimeSeconds.toFixed(1)} s → ${dir}/ (${result.figures.map((f) => f.name).join(', ')})`,
    );
  }
  const records = readExperimentRecords(
    options.out,
    EXPERIMENTS.map((e) => e.name),
  );
  print(`gallery: ${await writeGallery(options.out, records)} (${records.length} experiments)`);
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
  configureExperimentCommand(new Command('gradlab-experiment'))
    .parseAsync(process.argv)
    .catch((error: unknown) => {
      console.error(error instanceof UsageError ? `error: ${error.message}` : error);
      process.exitCode = 1;
    });
}
