import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initWeights, weightInitStd } from '../../src/models/init.js';
import { ModelError } from '../../src/models/model-error.js';
import { createRng } from '../../src/tensor/index.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend(() => {
  test('weightInitStd gives 0.01, √(2/n), √(1/n) or the number itself', () => {
    assert.equal(weightInitStd('std', 784), 0.01);
    assert.equal(weightInitStd('he', 50), 0.2);
    assert.equal(weightInitStd('xavier', 100), 0.1);
    assert.equal(weightInitStd(0.5, 3), 0.5);
  });

  test('initWeights draws (fanIn, fanOut) with the chosen standard deviation, reproducibly', () => {
    const W = initWeights(200, 100, 'he', createRng(80));
    assert.deepEqual(W.shape, [200, 100]);
    const d = Array.from(W.data);
    const mean = d.reduce((s, v) => s + v, 0) / d.length;
    const std = Math.sqrt(d.reduce((s, v) => s + (v - mean) ** 2, 0) / d.length);
    assert.ok(Math.abs(std - 0.1) < 0.002, `std ${std}`);
    assert.ok(Math.abs(mean) < 0.002, `mean ${mean}`);
    assert.deepEqual(
      initWeights(3, 2, 'std', createRng(81)).toArray(),
      initWeights(3, 2, 'std', createRng(81)).toArray(),
    );
    assert.equal(initWeights(3, 2, 'xavier', createRng(82), 'float32').dtype, 'float32');
  });

  test('unknown inits, negative numbers and bad sizes throw a ModelError', () => {
    assert.throws(
      () => weightInitStd('glorot' as 'he', 3),
      /expected 'std', 'he', 'xavier' or a number, got 'glorot'/,
    );
    assert.throws(() => weightInitStd(-1, 3), ModelError);
    assert.throws(
      () => initWeights(3, 0, 'he', createRng(0)),
      /fanOut must be a positive integer, got 0/,
    );
  });
});
