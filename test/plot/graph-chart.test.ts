import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buyApple, describeGraph } from '../../src/graph/index.js';
import { layoutGraph } from '../../src/graph/graph-layout.js';
import { graphChart } from '../../src/plot/graph-chart.js';
import { PlotInputError } from '../../src/plot/plot-error.js';
import { compileMessages, type Loose } from './compile-spec.js';

test('graphChart draws edges, values above and gradients below, and the nodes', () => {
  const spec = graphChart(layoutGraph(describeGraph(buyApple().price)), { title: 'buy_apple.py' });
  assert.deepEqual(compileMessages(spec), []);
  const layers = (spec as Loose).layer as Loose[];
  const values = layers.find((l) => l.encoding?.text?.field === 'value')?.data.values as Loose[];
  const grads = layers.find((l) => l.encoding?.text?.field === 'grad')?.data.values as Loose[];
  assert.deepEqual(values.map((v) => v.value).sort(), ['1.1', '100', '2', '200', '220']);
  assert.deepEqual(grads.map((v) => v.grad).sort(), ['1', '1.1', '110', '2.2', '200']);
  // Screen y grows downwards in the data here (the scale is reversed): value above means smaller y.
  for (const v of values) assert.ok(v.vy < v.gy, 'the value sits above the gradient');
});

test('an edge naming a missing node is a clear error', () => {
  assert.throws(
    () =>
      graphChart(
        { nodes: [], edges: [{ from: 'a', to: 'b', value: '1', grad: null }] },
        { title: 't' },
      ),
    (e: unknown) => e instanceof PlotInputError && /edge a → b names a node/.test(e.message),
  );
});
