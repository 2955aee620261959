import type { TopLevelSpec } from 'vega-lite';
import { chartFrame, type Domain, type FrameOptions } from './chart-frame.js';
import { PlotInputError } from './plot-error.js';
import { SERIES_COLORS } from './palette.js';

/** Options of {@link barChart}. */
export interface BarChartOptions extends FrameOptions {
  /** Fixed value range; default from 0 to the largest value, rounded up. */
  yDomain?: Domain;
  /** Index of a bar drawn in the accent colour (e.g. the predicted class). */
  highlight?: number;
  /** Print each value above its bar (d3-format string, default '.2f'); default on up to 20 bars. */
  valueLabels?: boolean;
  valueFormat?: string;
}

/**
 * A bar chart of one value per label, in the given order (class probabilities of a prediction).
 *
 * Shapes: labels (n), values (n).
 * @example
 * barChart(['0', '1', '2'], [0.1, 0.7, 0.2], {
 *   title: 'softmax output', xLabel: 'class', yLabel: 'probability', yDomain: [0, 1], highlight: 1,
 * }); // three bars, '1' in orange, values printed above the bars
 */
export function barChart(
  labels: readonly (string | number)[],
  values: ArrayLike<number>,
  options: BarChartOptions,
): TopLevelSpec {
  if (labels.length !== values.length || labels.length === 0) {
    throw new PlotInputError(
      `barChart: values: expected a non-empty array as long as labels (${labels.length}), found ${values.length}`,
    );
  }
  const names = labels.map(String);
  if (new Set(names).size !== names.length) {
    throw new PlotInputError(
      `barChart: labels: expected unique labels, found [${names.join(', ')}]`,
    );
  }
  const rows = names.map((label, i) => ({
    label,
    value: values[i]!,
    accent: i === options.highlight,
  }));
  const showValues = options.valueLabels ?? names.length <= 20;
  const domain = options.yDomain;
  return {
    ...chartFrame(options),
    data: { values: rows },
    encoding: {
      x: {
        field: 'label',
        type: 'ordinal',
        sort: names,
        title: options.xLabel,
        axis: { labelAngle: 0 },
      },
      y: {
        field: 'value',
        type: 'quantitative',
        title: options.yLabel,
        scale: domain ? { domain: [domain[0], domain[1]], nice: false } : { nice: true },
      },
    },
    layer: [
      {
        mark: { type: 'bar', width: { band: 0.8 } },
        encoding: {
          color: {
            condition: { test: 'datum.accent', value: SERIES_COLORS[1]! },
            value: SERIES_COLORS[0]!,
          },
        },
      },
      ...(showValues
        ? [
            {
              mark: { type: 'text' as const, dy: -6, baseline: 'bottom' as const, fontSize: 11 },
              encoding: {
                text: {
                  field: 'value',
                  type: 'quantitative' as const,
                  format: options.valueFormat ?? '.2f',
                },
              },
            },
          ]
        : []),
    ],
  };
}
