import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AddLayer } from '../../src/layers/add-layer.js';
import { MulLayer } from '../../src/layers/mul-layer.js';
import { numericalDiff } from '../../src/numerical/numerical-diff.js';

test('buying 2 apples at 100 with tax 1.1 gives the book values (buy_apple.py)', () => {
  const mulAppleLayer = new MulLayer();
  const mulTaxLayer = new MulLayer();
  const applePrice = mulAppleLayer.forward(100, 2);
  const price = mulTaxLayer.forward(applePrice, 1.1);
  assert.equal(price, 220.00000000000003);
  const [dApplePrice, dTax] = mulTaxLayer.backward(1);
  const [dApple, dAppleNum] = mulAppleLayer.backward(dApplePrice);
  assert.equal(dApple, 2.2);
  assert.equal(dAppleNum, 110.00000000000001);
  assert.equal(dTax, 200);
});

test('apples and oranges give the book values (buy_apple_orange.py)', () => {
  const mulApple = new MulLayer();
  const mulOrange = new MulLayer();
  const addFruit = new AddLayer();
  const mulTax = new MulLayer();
  const applePrice = mulApple.forward(100, 2);
  const orangePrice = mulOrange.forward(150, 3);
  const allPrice = addFruit.forward(applePrice, orangePrice);
  const price = mulTax.forward(allPrice, 1.1);
  assert.equal(price, 715.0000000000001); // the book prints int(price) = 715
  const [dAllPrice, dTax] = mulTax.backward(1);
  const [dApplePrice, dOrangePrice] = addFruit.backward(dAllPrice);
  const [dOrange, dOrangeNum] = mulOrange.backward(dOrangePrice);
  const [dApple, dAppleNum] = mulApple.backward(dApplePrice);
  assert.equal(dApple, 2.2);
  assert.equal(dAppleNum, 110.00000000000001);
  assert.equal(dOrange, 3.3000000000000003);
  assert.equal(dOrangeNum, 165);
  assert.equal(dTax, 650);
});

test('MulLayer backward matches the numerical derivative of each input', () => {
  const layer = new MulLayer();
  const [x, y] = [1.7, -0.3];
  layer.forward(x, y);
  const [dx, dy] = layer.backward(2.5);
  assert.ok(Math.abs(dx - numericalDiff((v) => 2.5 * v * y, x)) < 1e-9);
  assert.ok(Math.abs(dy - numericalDiff((v) => 2.5 * x * v, y)) < 1e-9);
});

test('MulLayer backward before forward throws', () => {
  assert.throws(() => new MulLayer().backward(1), /MulLayer.backward called before forward/);
});
