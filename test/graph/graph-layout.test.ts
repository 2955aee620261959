import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buyAppleOrange, describeGraph, Variable } from '../../src/graph/index.js';
import { layoutGraph } from '../../src/graph/graph-layout.js';

test("the apple-orange graph is laid out as the book's figure: inputs left, price right, tax below", () => {
  const layout = layoutGraph(describeGraph(buyAppleOrange().price));
  const at = (label: string) => layout.nodes.find((n) => n.label === label);
  assert.deepEqual(
    layout.nodes
      .filter((n) => n.kind === 'function')
      .map((n) => n.label)
      .sort(),
    ['+', '×', '×', '×'],
  );
  for (const name of ['apple', 'apple_num', 'orange', 'orange_num']) assert.equal(at(name)?.x, 0);
  assert.equal(at('price')?.kind, 'output');
  assert.equal(at('price')?.x, 4);
  assert.equal(at('tax')?.x, 2); // just before the multiply that uses it
  assert.ok((at('tax')?.y ?? 0) > (at('orange_num')?.y ?? 0));
  // 9 variables: 5 inputs (one edge each), 3 intermediate (one edge each), the output (one edge).
  assert.equal(layout.edges.length, 9);
  const tax = layout.edges.find((e) => e.name === 'tax');
  assert.deepEqual([tax?.value, tax?.grad], ['1.1', '650']);
});

test('a variable used twice gets one edge per use, and rows are deterministic', () => {
  const x = new Variable(2, { name: 'x' });
  const y = x.mul(x);
  y.name = 'y';
  const a = layoutGraph(describeGraph(y));
  assert.equal(a.edges.filter((e) => e.name === 'x').length, 2);
  assert.deepEqual(layoutGraph(describeGraph(y)), a);
});
