import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buyApple, buyAppleOrange } from '../../src/graph/index.js';
import { AddLayer } from '../../src/layers/add-layer.js';
import { MulLayer } from '../../src/layers/mul-layer.js';
import { numericalDiff } from '../../src/numerical/numerical-diff.js';

const grad = (g: ReturnType<typeof buyApple>, name: string): number =>
  g.variables[name].grad?.item() ?? Number.NaN;

test('buy_apple.py with Variable gives the book values exactly', () => {
  const g = buyApple();
  assert.equal(g.price.item(), 220.00000000000003);
  assert.equal(grad(g, 'apple'), 2.2);
  assert.equal(grad(g, 'apple_num'), 110.00000000000001);
  assert.equal(grad(g, 'tax'), 200);
  assert.equal(grad(g, 'apple_price'), 1.1);
});

test('buy_apple.py with MulLayer gives the same numbers as the Variable graph', () => {
  const mulApple = new MulLayer();
  const mulTax = new MulLayer();
  const price = mulTax.forward(mulApple.forward(100, 2), 1.1);
  const [dApplePrice, dTax] = mulTax.backward(1);
  const [dApple, dAppleNum] = mulApple.backward(dApplePrice);
  const g = buyApple();
  assert.deepEqual(
    [price, dApple, dAppleNum, dTax],
    [g.price.item(), grad(g, 'apple'), grad(g, 'apple_num'), grad(g, 'tax')],
  );
});

test('buy_apple_orange.py with Variable gives the book values exactly', () => {
  const g = buyAppleOrange();
  assert.equal(g.price.item(), 715.0000000000001);
  assert.equal(Math.trunc(g.price.item()), 715); // the book prints int(price)
  assert.equal(grad(g, 'apple'), 2.2);
  assert.equal(grad(g, 'apple_num'), 110.00000000000001);
  assert.equal(grad(g, 'orange'), 3.3000000000000003);
  assert.equal(grad(g, 'orange_num'), 165);
  assert.equal(grad(g, 'tax'), 650);
  for (const k of ['all_price', 'apple_price', 'orange_price']) assert.equal(grad(g, k), 1.1);
});

test('buy_apple_orange.py with MulLayer and AddLayer gives the same numbers', () => {
  const [mulApple, mulOrange, mulTax] = [new MulLayer(), new MulLayer(), new MulLayer()];
  const addFruit = new AddLayer();
  const all = addFruit.forward(mulApple.forward(100, 2), mulOrange.forward(150, 3));
  const price = mulTax.forward(all, 1.1);
  const [dAll, dTax] = mulTax.backward(1);
  const [dApplePrice, dOrangePrice] = addFruit.backward(dAll);
  const [dOrange, dOrangeNum] = mulOrange.backward(dOrangePrice);
  const [dApple, dAppleNum] = mulApple.backward(dApplePrice);
  const g = buyAppleOrange();
  assert.deepEqual(
    [price, dApple, dAppleNum, dOrange, dOrangeNum, dTax, dAll],
    ['price', 'apple', 'apple_num', 'orange', 'orange_num', 'tax', 'all_price'].map((k) =>
      k === 'price' ? g.price.item() : grad(g, k),
    ),
  );
});

test('each gradient matches numericalDiff of the whole price function', () => {
  const inputs = ['apple', 'apple_num', 'orange', 'orange_num', 'tax'] as const;
  const base = [100, 2, 150, 3, 1.1];
  const price = (xs: number[]) => buyAppleOrange(xs[0], xs[1], xs[2], xs[3], xs[4]).price.item();
  const g = buyAppleOrange();
  inputs.forEach((name, i) => {
    const numeric = numericalDiff((v) => price(base.map((b, j) => (j === i ? v : b))), base[i]);
    assert.ok(Math.abs(numeric - grad(g, name)) < 1e-6, `${name}: ${numeric} vs ${grad(g, name)}`);
  });
  const apple = buyApple();
  const applePrice = (xs: number[]) => buyApple(xs[0], xs[1], xs[2]).price.item();
  (['apple', 'apple_num', 'tax'] as const).forEach((name, i) => {
    const at = [100, 2, 1.1];
    const numeric = numericalDiff((v) => applePrice(at.map((b, j) => (j === i ? v : b))), at[i]);
    assert.ok(Math.abs(numeric - grad(apple, name)) < 1e-6, `${name}: ${numeric}`);
  });
});
