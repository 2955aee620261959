import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buyAppleOrange,
  describeGraph,
  formatValue,
  getDotGraph,
  layoutDot,
  renderDot,
  Variable,
} from '../../src/graph/index.js';

test('getDotGraph draws variables as ellipses, functions as boxes, values above gradients on edges', () => {
  const dot = getDotGraph(buyAppleOrange().price);
  assert.match(dot, /^digraph g \{\n {2}rankdir=LR;/);
  assert.match(dot, /v\d+ \[label="apple", shape=ellipse/);
  assert.match(dot, /f\d+ \[label="×", shape=box/);
  assert.match(dot, /f\d+ \[label="\+", shape=box/);
  // apple → × carries 100 forward and 2.2 backward; tax carries 1.1 and 650.
  assert.match(dot, /label=<100<br\/><font color="#d62728">2.2<\/font>>/);
  assert.match(dot, /label=<1.1<br\/><font color="#d62728">650<\/font>>/);
  assert.match(dot, /label=<715<br\/><font color="#d62728">1<\/font>>/);
  assert.equal((dot.match(/ -> /g) ?? []).length, 12);
});

test('getDotGraph without gradients shows values only, and verbose adds shape, dtype, value, grad', () => {
  const x = new Variable([[1, 2]], { name: 'x' });
  const y = x.mul(3);
  const before = getDotGraph(y);
  assert.doesNotMatch(before, /font color/);
  y.backward({ grad: [[1, 1]] });
  const verbose = getDotGraph(y, { verbose: true });
  assert.match(
    verbose,
    /<b>x<\/b><br\/>\(1, 2\) float64<br\/>value \[\[1, 2\]\]<br\/><font color="#d62728">grad \[\[3, 3\]\]<\/font>/,
  );
  const big = new Variable(new Array(10).fill(0), { name: 'big' }).sum();
  assert.match(getDotGraph(big), /label=<\(10,\)>/);
});

test('describeGraph lists every variable, function and edge as plain data', () => {
  const g = describeGraph(buyAppleOrange().price);
  assert.equal(g.variables.length, 9);
  assert.equal(g.functions.length, 4);
  assert.equal(g.edges.length, 12);
  const apple = g.variables.find((v) => v.name === 'apple');
  assert.deepEqual([apple?.value, apple?.grad, apple?.leaf], [100, 2.2, true]);
  assert.deepEqual(JSON.parse(JSON.stringify(g)), g);
});

test('formatValue rounds to significant digits and shows large tensors by shape', () => {
  assert.equal(formatValue(220.00000000000003, []), '220');
  assert.equal(formatValue(3.3000000000000003, []), '3.3');
  assert.equal(formatValue([[1, 2]], [1, 2]), '[[1, 2]]');
  assert.equal(formatValue([1, 2, 3, 4, 5], [5]), '(5,)');
});

test('renderDot gives SVG and layoutDot gives node positions from the WASM Graphviz', async () => {
  const dot = getDotGraph(buyAppleOrange().price);
  const svg = await renderDot(dot);
  assert.match(svg, /<svg[\s\S]*>apple<\/text>[\s\S]*<\/svg>/);
  const layout = await layoutDot(dot);
  assert.equal(layout.nodes.length, 13);
  assert.equal(layout.edges.length, 12);
  const price = layout.nodes.find((n) => n.id === 'v0');
  const apple = layout.nodes.find(
    (n) =>
      n.id === describeGraph(buyAppleOrange().price).variables.find((v) => v.name === 'apple')?.id,
  );
  assert.ok(price !== undefined && apple !== undefined && price.x > apple.x, 'left to right');
  assert.ok(layout.edges.every((e) => e.points.length >= 2 && e.label !== undefined));
  await assert.rejects(renderDot('digraph {'), /./);
});
