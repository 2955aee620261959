import type { TopLevelSpec } from 'vega-lite';
import { lineChart } from './line-chart.js';

/** Options of {@link accuracyChart}; all optional. */
export interface AccuracyChartOptions {
  title?: string;
  width?: number;
  height?: number;
}

/**
 * Train and test accuracy per epoch on a 0..1 axis: train solid with dots, test dashed, legend
 * inside the lower right, as in the book's figure. A gap between the curves is overfitting.
 *
 * Shapes: epochs (n), trainAcc (n), testAcc (n).
 * Book: fig 4-12 (train_acc_list / test_acc_list), axes 'epochs' and 'accuracy', ylim(0, 1.0).
 * @example
 * accuracyChart([0, 1, 2], [0.10, 0.78, 0.88], [0.10, 0.79, 0.88]);
 * // legend entries 'train acc' and 'test acc', y domain [0, 1]
 */
export function accuracyChart(
  epochs: ArrayLike<number>,
  trainAcc: ArrayLike<number>,
  testAcc: ArrayLike<number>,
  options: AccuracyChartOptions = {},
): TopLevelSpec {
  return lineChart(
    [
      { name: 'train acc', x: epochs, y: trainAcc, points: true },
      { name: 'test acc', x: epochs, y: testAcc, strokeDash: [6, 4] },
    ],
    {
      title: options.title ?? 'Accuracy',
      xLabel: 'epochs',
      xIntegerTicks: true,
      yLabel: 'accuracy',
      yDomain: [0, 1],
      legend: 'bottom-right',
      width: options.width,
      height: options.height,
    },
  );
}
