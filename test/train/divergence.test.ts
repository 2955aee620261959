import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkFiniteAll,
  DivergenceError,
  firstNonFinite,
  recentMeanLoss,
} from '../../src/train/divergence.js';
import { tensor } from '../../src/tensor/creation.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend(() => {
  test('firstNonFinite finds NaN and ±Infinity and nothing else', () => {
    assert.equal(firstNonFinite(tensor([1, -2, 1e308])), undefined);
    assert.ok(Number.isNaN(firstNonFinite(tensor([1, Number.NaN]))));
    assert.equal(
      firstNonFinite(tensor([Number.NEGATIVE_INFINITY, Number.NaN])),
      Number.NEGATIVE_INFINITY,
    );
    assert.equal(
      firstNonFinite(tensor([0, Number.POSITIVE_INFINITY], { dtype: 'float32' })),
      Number.POSITIVE_INFINITY,
    );
  });

  test('the error names the iteration, the tensor and the learning rate and suggests a smaller rate', () => {
    assert.throws(
      () => checkFiniteAll({ W1: tensor([1]), b1: tensor([Number.NaN]) }, 'gradient', 12, 1e6),
      (e: unknown) =>
        e instanceof DivergenceError &&
        e.iteration === 12 &&
        e.tensorName === 'b1' &&
        e.message ===
          'training diverged at iteration 12: gradient b1 is NaN with learning rate 1000000; try a smaller learningRate (e.g. 100000)',
    );
  });

  test('the library error speaks in option names, never in command-line flags', () => {
    const e = new DivergenceError(3, 'loss explosion', '', 40, 2.5, 2.3);
    assert.equal(e.suggestedLearningRate, 0.25);
    assert.ok(e.message.startsWith(`${e.diagnosis}; `));
    assert.doesNotMatch(e.message, /--[a-z]/);
    assert.match(e.message, /learningRate/);
  });

  test('checkFiniteAll passes finite tensors whose sum overflows, as the exact scan does', () => {
    // Σ = ∞ makes the fast path fall back to the scan, which finds every number finite.
    assert.doesNotThrow(() => checkFiniteAll({ W1: tensor([1e308, 1e308]) }, 'parameter', 3, 0.1));
    assert.doesNotThrow(() =>
      checkFiniteAll({ W1: tensor([1e308, -1e308, 1e308, 1e308]) }, 'parameter', 3, 0.1),
    );
  });

  test('checkFiniteAll reports the first bad value even when the bad values cancel in the sum', () => {
    const check = (values: number[], dtype: 'float32' | 'float64') =>
      assert.throws(
        () =>
          checkFiniteAll(
            { ok: tensor([1, 2], { dtype }), W2: tensor(values, { dtype }) },
            'gradient',
            5,
            0.1,
          ),
        (e: unknown) =>
          e instanceof DivergenceError &&
          e.tensorName === 'W2' &&
          Object.is(
            e.value,
            values.find((v) => !Number.isFinite(v)),
          ),
      );
    for (const dtype of ['float32', 'float64'] as const) {
      check([0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY], dtype);
      check([Number.NEGATIVE_INFINITY, 1, 2, 3, 4, 5, 6, 7, 8], dtype); // past the SIMD width
      check([1, 2, 3, 4, 5, 6, 7, 8, 9, Number.NaN], dtype); // in the scalar tail
    }
  });

  test('recentMeanLoss averages the last iterations over at least 100 samples', () => {
    assert.equal(recentMeanLoss([2, 4], 6, 100), 6);
    assert.equal(recentMeanLoss([2, 4], 6, 50), 5);
    assert.equal(recentMeanLoss([2, 4], 6, 1), 4);
    assert.equal(recentMeanLoss([], 3, 1), 3);
    const long = Array.from({ length: 500 }, () => 1);
    assert.equal(recentMeanLoss(long, 101, 1), 2); // (99·1 + 101) / 100
  });
});
