import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computationalGraphExperiment } from '../../src/experiments/computational-graph.js';
import { compileMessages } from '../plot/compile-spec.js';

const result = computationalGraphExperiment.run({ size: 'tiny', seed: 0 });
const n = result.numbers as Record<string, any>;

test('buy_apple.py and buy_apple_orange.py give the book values exactly', () => {
  assert.equal(n.applePrice, 220.00000000000003);
  assert.deepEqual(n.appleGrads, { apple: 2.2, apple_num: 110.00000000000001, tax: 200 });
  assert.equal(n.price, 715.0000000000001);
  assert.deepEqual(n.grads, {
    apple: 2.2,
    apple_num: 110.00000000000001,
    orange: 3.3000000000000003,
    orange_num: 165,
    tax: 650,
    apple_price: 1.1,
    orange_price: 1.1,
    all_price: 1.1,
  });
});

test('each gradient matches numericalDiff of the whole price function to 1e-6', () => {
  assert.ok(n.worstNumericalDifference < 1e-6, String(n.worstNumericalDifference));
  assert.ok(Math.abs(n.numericalGrads.orange_num - 165) < 1e-6);
});

test('the add node passes 1.3 through; the multiply node swaps its inputs (6.5, 13)', () => {
  assert.deepEqual(n.nodeRules.add, { z: 15, dx: 1.3, dy: 1.3 });
  assert.equal(n.nodeRules.mul.z, 50);
  assert.equal(n.nodeRules.mul.dx, 6.5);
  assert.equal(n.nodeRules.mul.dy, 13);
});

test('the chain rule on z = (x + y)² at (1, 2): z = 9, ∂z/∂t = ∂z/∂x = ∂z/∂y = 6', () => {
  assert.deepEqual(n.chainRule, { z: 9, dzdt: 6, dzdx: 6, dzdy: 6 });
});

test("the two-layer net's Variable gradients equal the layers' to 1e-12", () => {
  assert.ok(n.twoLayer.maxGradientDifference < 1e-12, String(n.twoLayer.maxGradientDifference));
  assert.ok(n.twoLayer.lossDifference < 1e-12);
});

test('five figures, each compiling without warnings, with the DOT text in the numbers', () => {
  assert.deepEqual(
    result.figures.map((f) => f.name),
    ['apple', 'apple-orange', 'node-rules', 'chain-rule', 'two-layer-loss'],
  );
  for (const f of result.figures) assert.deepEqual(compileMessages(f.spec), [], f.name);
  assert.match(n.dot.appleOrange, /^digraph g \{/);
});
