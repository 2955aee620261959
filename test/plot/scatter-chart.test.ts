import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PlotInputError } from '../../src/plot/plot-error.js';
import { scatterChart } from '../../src/plot/scatter-chart.js';

interface Spec {
  data: { values: { series: string; order: number; x: number; y: number }[] };
  layer: { mark: { type: string; strokeDash?: number[] }; encoding?: { order?: unknown } }[];
}

const options = { title: 'fit', xLabel: 'x', yLabel: 'y' };

test('points series become dots and line series become lines joined in point order', () => {
  const spec = scatterChart(
    [
      { name: 'data', x: [0, 1, 2], y: [0.1, 1.2, 1.9] },
      { name: 'fit', x: [2, 0], y: [2, 0], mark: 'line', strokeDash: [6, 4] },
    ],
    options,
  ) as unknown as Spec;
  assert.deepEqual(
    spec.layer.map((l) => l.mark.type),
    ['point', 'line'],
  );
  assert.deepEqual(spec.layer[1]!.mark.strokeDash, [6, 4]);
  assert.ok(spec.layer[1]!.encoding?.order !== undefined);
  const fit = spec.data.values.filter((r) => r.series === 'fit');
  assert.deepEqual(
    fit.map((r) => r.order),
    [0, 1],
  );
});

test('points with a non-finite coordinate are left out', () => {
  const spec = scatterChart(
    [{ name: 'data', x: [0, 1, 2], y: [1, NaN, Infinity] }],
    options,
  ) as unknown as Spec;
  assert.equal(spec.data.values.length, 1);
});

test('mismatched lengths and duplicate names are rejected with the argument named', () => {
  assert.throws(
    () => scatterChart([{ name: 'a', x: [0, 1], y: [1] }], options),
    (e: unknown) => {
      assert.ok(e instanceof PlotInputError);
      assert.match(e.message, /series\[0\] \('a'\)/);
      return true;
    },
  );
  assert.throws(
    () =>
      scatterChart(
        [
          { name: 'a', x: [0], y: [1] },
          { name: 'a', x: [0], y: [1] },
        ],
        options,
      ),
    /unique name/,
  );
  assert.throws(() => scatterChart([], options), PlotInputError);
});
