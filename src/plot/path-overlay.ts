/** A named polyline drawn over a 2-D chart, e.g. the iterates of gradient descent. */
export interface PathOverlay {
  name: string;
  points: readonly (readonly [number, number])[];
}

/** Colours of overlaid paths: strong tab10 hues that stand out on a light blue heatmap. */
export const PATH_COLORS: readonly string[] = [
  '#d62728',
  '#ff7f0e',
  '#2ca02c',
  '#9467bd',
  '#8c564b',
  '#e377c2',
];

/**
 * Vega-Lite layers that draw paths in point order (not sorted by x), with a dot per point and a
 * legend of path names on the `color` channel.
 * @example
 * pathLayers([{ name: 'lr = 0.1', points: [[-3, 4], [-2.4, 3.2]] }]);
 * // [line layer, point layer] with data rows { path: 'lr = 0.1', step: 0, x: -3, y: 4 }, …
 */
export function pathLayers(paths: readonly PathOverlay[]) {
  if (paths.length === 0) return [];
  const rows = paths.flatMap((p) => p.points.map(([x, y], step) => ({ path: p.name, step, x, y })));
  const names = paths.map((p) => p.name);
  const encoding = {
    x: { field: 'x', type: 'quantitative' as const },
    y: { field: 'y', type: 'quantitative' as const },
    order: { field: 'step', type: 'quantitative' as const },
    color: {
      field: 'path',
      type: 'nominal' as const,
      title: null,
      scale: { domain: names, range: names.map((_, k) => PATH_COLORS[k % PATH_COLORS.length]!) },
      legend: { orient: 'right' as const, symbolType: 'stroke' },
    },
  };
  return [
    {
      data: { values: rows },
      mark: { type: 'line' as const, strokeWidth: 1.5, clip: true },
      encoding,
    },
    {
      data: { values: rows },
      mark: { type: 'point' as const, filled: true, size: 28, opacity: 1, clip: true },
      encoding,
    },
  ];
}
