import type { FinalAccuracy, TrainHistory } from './train-history.js';
import type { TrainOptions } from './train-options.js';

/** The contents of a run's metrics.json. */
export interface MetricsFile {
  readonly options: TrainOptions;
  /** Where the samples came from and how many were used. */
  readonly data: {
    readonly name: string;
    readonly train: number;
    readonly validation: number;
    readonly test: number;
  };
  readonly backend: string;
  readonly iterationsPerEpoch: number;
  readonly totalIterations: number;
  /** Completed iterations (less than totalIterations when interrupted). */
  readonly iteration: number;
  readonly status: 'complete' | 'interrupted' | 'diverged';
  readonly wallSeconds: number;
  /** loss[i] is the mini-batch loss of iteration i + 1. */
  readonly loss: readonly number[];
  readonly epochs: TrainHistory['epochs'];
  /** The accuracies after the last iteration, or null when the run did not finish. */
  readonly final: FinalAccuracy | null;
}

/**
 * metrics.json text (two-space indent, the loss array on one line so the file stays readable).
 * @example
 * writeFileAtomic('runs/a/metrics.json', metricsJson(metrics)); // not run: writes a file
 */
export function metricsJson(metrics: MetricsFile): string {
  const placeholder = '"__LOSS__"';
  const text = JSON.stringify({ ...metrics, loss: '__LOSS__' }, null, 2);
  return text.replace(placeholder, JSON.stringify(metrics.loss)) + '\n';
}

function cell(v: number | null | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

/**
 * metrics.csv: one row per iteration, 0 … n, with the batch loss (empty at 0) and, on the rows
 * where the network was measured, the epoch and the accuracies (empty elsewhere).
 * Columns: iteration,loss,epoch,train_accuracy,test_accuracy,validation_accuracy,train_loss,
 * test_loss,validation_loss (the last three: mean loss per row of each whole set).
 * @example
 * metricsCsv({ loss: [2.3, 2.1], epochs: [{ epoch: 0, iteration: 0, … }] });
 * // 'iteration,loss,epoch,…\n0,,0,0.1,0.1,,,,\n1,2.3,,,,,,,\n2,2.1,,,,,,,\n' (not run: abridged)
 */
export function metricsCsv(history: TrainHistory): string {
  const byIteration = new Map(history.epochs.map((e) => [e.iteration, e]));
  const lines = [
    'iteration,loss,epoch,train_accuracy,test_accuracy,validation_accuracy,train_loss,test_loss,validation_loss',
  ];
  for (let i = 0; i <= history.loss.length; i++) {
    const e = byIteration.get(i);
    lines.push(
      [
        i,
        i === 0 ? '' : cell(history.loss[i - 1]),
        cell(e?.epoch),
        cell(e?.trainAccuracy),
        cell(e?.testAccuracy),
        cell(e?.validationAccuracy),
        cell(e?.trainLoss),
        cell(e?.testLoss),
        cell(e?.validationLoss),
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}
