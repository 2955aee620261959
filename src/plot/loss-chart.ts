import type { TopLevelSpec } from 'vega-lite';
import type { ScaleKind } from './chart-frame.js';
import { lineChart } from './line-chart.js';

/** Options of {@link lossChart}; all optional. */
export interface LossChartOptions {
  title?: string;
  /** 'log' shows late, slow progress that a linear axis flattens; default 'linear' as in the book. */
  yScale?: ScaleKind;
  width?: number;
  height?: number;
}

/**
 * The training-loss curve: loss per iteration, one line, no legend.
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
  return lineChart([{ name: 'loss', x: iterations, y: loss }], {
    title: options.title ?? 'Training loss',
    xLabel: 'iteration',
    yLabel: 'loss',
    yScale: options.yScale,
    strokeWidth: 1.2,
    width: options.width,
    height: options.height,
  });
}
