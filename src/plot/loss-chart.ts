import type { TopLevelSpec } from 'vega-lite';
import type { ScaleKind } from './chart-frame.js';
import { lineChart, type LineSeries } from './line-chart.js';

/** Options of {@link lossChart}; all optional. */
export interface LossChartOptions {
  title?: string;
  /** 'log' shows late, slow progress that a linear axis flattens; default 'linear' as in the book. */
  yScale?: ScaleKind;
  width?: number;
  height?: number;
  /**
   * The mean loss over whole data sets at evaluation points, drawn over the batch losses with a
   * dot per point: the full training set and the test set (their gap is over-fitting).
   */
  evaluations?: {
    readonly iteration: ArrayLike<number>;
    readonly train: ArrayLike<number>;
    readonly test: ArrayLike<number>;
  };
}

/**
 * The training-loss curve: loss per iteration, one line, no legend; with `evaluations`, also the
 * mean train and test loss at each evaluation point, with a legend.
 *
 * Shapes: iterations (n), loss (n).
 * Book: fig 4-11 (train_loss_list of the two-layer net on MNIST), axes 'iteration' and 'loss'.
 * @example
 * lossChart([0, 1, 2, 3], [2.30, 1.20, 0.71, 0.52]);
 * // a line chart titled 'Training loss', x 'iteration', y 'loss'
 */
export function lossChart(
  iterations: ArrayLike<number>,
  loss: ArrayLike<number>,
  options: LossChartOptions = {},
): TopLevelSpec {
  const e = options.evaluations;
  const series: LineSeries[] = [{ name: e ? 'batch loss' : 'loss', x: iterations, y: loss }];
  if (e) {
    series.push(
      { name: 'train loss (all rows)', x: e.iteration, y: e.train, points: true },
      { name: 'test loss', x: e.iteration, y: e.test, points: true, strokeDash: [6, 4] },
    );
  }
  return lineChart(series, {
    title: options.title ?? 'Training loss',
    xLabel: 'iteration',
    yLabel: 'loss',
    yScale: options.yScale,
    strokeWidth: 1.2,
    width: options.width,
    height: options.height,
    legend: e ? 'top-right' : 'none',
  });
}
