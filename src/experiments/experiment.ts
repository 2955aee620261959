import type { TopLevelSpec } from 'vega-lite';
import type { ImageDataset } from '../data/dataset.js';

/**
 * How big an experiment runs: 'tiny' for tests (seconds), 'fast' for the default command (all
 * experiments together in a few minutes on 2 cores), 'full' for the book's sizes.
 */
export type ExperimentSize = 'tiny' | 'fast' | 'full';

/** The experiment sizes, smallest first. */
export const EXPERIMENT_SIZES: readonly ExperimentSize[] = ['tiny', 'fast', 'full'];

/** A train/test pair of image sets (MNIST), loaded by the caller: experiments never read files. */
export interface ExperimentData {
  readonly train: ImageDataset;
  readonly test: ImageDataset;
}

/** What an experiment run gets: its size, its seed, and MNIST when it asked for it. */
export interface ExperimentContext {
  readonly size: ExperimentSize;
  /** Seeds every random choice of the run (weights, batches, synthetic data). */
  readonly seed: number;
  /** MNIST, required by experiments with `needsMnist`. */
  readonly mnist?: ExperimentData;
  /** Called with a short line as a long run advances (the CLI prints it). */
  readonly progress?: (message: string) => void;
  /**
   * A clock in milliseconds, for the experiments that measure time (the entry point passes
   * performance.now). Without it they report no timings; every other number stays seeded.
   */
  readonly now?: () => number;
  /**
   * The compute backends to compare, for the experiments that time each (the entry point builds
   * them); without them an experiment runs on the active backend only.
   */
  readonly backends?: readonly BackendRunner[];
}

/** A named backend that runs `fn` with itself active (tensors made inside stay inside). */
export interface BackendRunner {
  readonly name: string;
  use<T>(fn: () => T): T;
}

/** A JSON value: what summary.json can hold. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** One figure of an experiment: a file name (no extension), a caption and a Vega-Lite spec. */
export interface ExperimentFigure {
  /** kebab-case file name, unique within the experiment, e.g. 'tangents'. */
  readonly name: string;
  /** One or two sentences saying what to see in the figure. */
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

/** A number the gallery shows beside the claim, with its label. */
export interface KeyNumber {
  readonly label: string;
  readonly value: number | string;
}

/** What an experiment computes: figures, the numbers they show, and the few that carry the claim. */
export interface ExperimentResult {
  readonly figures: readonly ExperimentFigure[];
  /** The key numbers, shown in the gallery and the CLI. */
  readonly key: readonly KeyNumber[];
  /** Every number the figures show (written to summary.json). */
  readonly numbers: { readonly [key: string]: JsonValue };
}

/** A passage of the study notes that an experiment tests, quoted in its original language. */
export interface NoteQuote {
  /** Which note and section, e.g. 'note 002, gradient descent (Taylor expansion)'. */
  readonly source: string;
  /** The passage as the note writes it. */
  readonly quote: string;
}

/**
 * A named, seeded, reproducible experiment that illustrates one claim of the seed notes.
 * `run` is pure computation (no files, no clock): the same context gives the same result.
 * @example
 * const r = findExperiment('numerical-diff').run({ size: 'tiny', seed: 0 });
 * r.key[0]; // → { label: 'slope at x = 5 (h = 1e-4)', value: 0.1999999999990898 }
 */
export interface Experiment {
  /** kebab-case name used on the command line: `gradlab experiment <name>`. */
  readonly name: string;
  readonly title: string;
  /** The claim, one sentence. */
  readonly claim: string;
  /** Where the book makes it, e.g. 'ch04 §4.3.2'. */
  readonly book: string;
  /** The study note's own words for the claim (Korean original) and where they stand. */
  readonly note?: NoteQuote;
  /** True when run() needs `context.mnist`. */
  readonly needsMnist: boolean;
  run(context: ExperimentContext): ExperimentResult;
}

/**
 * A bad experiment input: an unknown name, a size or seed out of range, MNIST missing.
 * The message says where, what was expected and what was found.
 */
export class ExperimentError extends Error {
  override readonly name = 'ExperimentError';
}

/**
 * The value for the context's size: `sizes.tiny`, `sizes.fast` or `sizes.full`.
 * @example bySize('fast', { tiny: 10, fast: 200, full: 2000 }); // → 200
 */
export function bySize<
  S extends { readonly tiny: unknown; readonly fast: unknown; readonly full: unknown },
>(size: ExperimentSize, sizes: S): S[ExperimentSize] {
  if (!EXPERIMENT_SIZES.includes(size)) {
    throw new ExperimentError(
      `experiment size: expected one of ${EXPERIMENT_SIZES.join(', ')}, found '${String(size)}'`,
    );
  }
  return sizes[size];
}

/** The MNIST of the context, or a clear error naming the experiment that needed it. */
export function requireMnist(context: ExperimentContext, experiment: string): ExperimentData {
  if (context.mnist === undefined) {
    throw new ExperimentError(
      `experiment ${experiment}: context.mnist: expected MNIST train/test sets (the CLI loads them), found none`,
    );
  }
  return context.mnist;
}
