import type { HeadName } from 'gradlab';

/**
 * Messages between the CSV card and its worker (web/src/csv-worker.ts). Every request carries
 * the file's text, so the worker keeps no state between two files; the page only draws.
 */

/** What the card asks of the CSV worker. */
export type CsvRequest =
  /** The columns of a file and the heads that can model `target` (null: the last column). */
  | {
      readonly type: 'inspect';
      readonly id: number;
      readonly name: string;
      readonly text: string;
      readonly target: string | null;
    }
  /** Trains a network on the file (a new run; a running one is stopped first). */
  | {
      readonly type: 'train';
      readonly id: number;
      readonly name: string;
      readonly text: string;
      readonly target: string;
      readonly head: HeadName;
      readonly hidden: number;
      readonly epochs: number;
      readonly seed: number;
    };

/** The final validation measures of a run, and what the card plots. */
export interface CsvResult {
  readonly head: HeadName;
  readonly rows: number;
  readonly features: number;
  readonly train: number;
  readonly validation: number;
  /** The head's metrics on the validation rows (rmse, mae, nll; accuracy, nll; …). */
  readonly metrics: Readonly<Record<string, number>>;
  /** Real-valued heads: the validation rows' targets and predicted means E[y | x]. */
  readonly actual: readonly number[] | null;
  readonly predicted: readonly number[] | null;
  /** With one feature: its unscaled value on each validation row (then y is plotted against x). */
  readonly x: readonly number[] | null;
  readonly feature: string | null;
  readonly target: string;
}

/** What the CSV worker tells the card. */
export type CsvEvent =
  | {
      readonly type: 'inspected';
      readonly id: number;
      readonly columns: readonly string[];
      readonly target: string;
      readonly heads: readonly HeadName[];
      readonly defaultHead: HeadName;
      readonly rows: number;
      readonly features: number;
    }
  /** After each epoch k (0: before training): the mean loss on every training and validation row. */
  | {
      readonly type: 'epoch';
      readonly id: number;
      readonly epoch: number;
      readonly epochs: number;
      readonly trainLoss: number;
      readonly validationLoss: number;
    }
  | { readonly type: 'done'; readonly id: number; readonly result: CsvResult }
  /** A TableError's one-line message (row and column named), or another failure's message. */
  | { readonly type: 'error'; readonly id: number; readonly message: string };
