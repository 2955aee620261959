import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG } from './chart-frame.js';

/**
 * Two charts next to each other under one title (Vega-Lite hconcat), each keeping its own title,
 * axes and legend: for "the data beside samples from the model".
 * @example sideBySide('Poisson head', scatterChart(data, …), scatterChart(samples, …))  // { hconcat: [left, right], … }
 */
export function sideBySide(title: string, left: TopLevelSpec, right: TopLevelSpec): TopLevelSpec {
  const inner = (spec: TopLevelSpec) => {
    const {
      $schema: _schema,
      config: _config,
      ...rest
    } = spec as TopLevelSpec & {
      config?: unknown;
    };
    return rest;
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    config: CHART_CONFIG,
    hconcat: [inner(left), inner(right)],
    resolve: { scale: { color: 'independent' } },
  } as TopLevelSpec;
}
