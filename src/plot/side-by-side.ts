import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG } from './chart-frame.js';

/**
 * Two charts next to each other under one title (Vega-Lite hconcat), each keeping its own title,
 * axes and legend: for "the data beside samples from the model".
 * @example
 * const panel = (name: string) => scatterChart([{ name, x: [0, 1], y: [1, 2] }], { title: name, xLabel: 'x', yLabel: 'y' });
 * const spec = sideBySide('data and samples', panel('data'), panel('samples'));
 * spec.hconcat.length; // → 2
 */
export function sideBySide(
  title: string,
  left: TopLevelSpec,
  right: TopLevelSpec,
): TopLevelSpec & { hconcat: unknown[] } {
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
  } as TopLevelSpec & { hconcat: unknown[] };
}
