import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  leastSquares,
  polynomial,
  polynomialFitExperiment,
} from '../../src/experiments/polynomial-fit.js';

test('leastSquares recovers an exact polynomial and the best line through noisy points', () => {
  const xs = [0, 0.25, 0.5, 0.75, 1];
  const c = leastSquares(
    xs.map((x) => [1, x, x * x]),
    xs.map((x) => 1 - 2 * x + 3 * x * x),
  );
  [1, -2, 3].forEach((v, i) => assert.ok(Math.abs(c[i]! - v) < 1e-12, String(c)));
  // The line through (0, 0), (1, 1), (2, 3) minimising squared error: y = −1/6 + 3x/2.
  const line = leastSquares(
    [
      [1, 0],
      [1, 1],
      [1, 2],
    ],
    [0, 1, 3],
  );
  assert.ok(Math.abs(line[0]! + 1 / 6) < 1e-14 && Math.abs(line[1]! - 1.5) < 1e-14, String(line));
  assert.equal(polynomial([1, 2, 3], 2), 17);
});

for (const seed of [0, 1, 2, 3, 4]) {
  test(`seed ${seed}: degree 9 fits the 10 points exactly and does worse than degree 3 on new points`, () => {
    const n = polynomialFitExperiment.run({ size: 'tiny', seed }).numbers;
    const train = n.trainMse as number[];
    const test = n.testMse as number[];
    assert.ok(train[9]! < 1e-15, `training MSE ${train[9]}`);
    assert.ok(test[9]! > test[3]!, `test MSE degree 9 ${test[9]} vs degree 3 ${test[3]}`);
    // Each degree's training error is at most the previous one's (nested models).
    for (let d = 1; d < 10; d++) assert.ok(train[d]! <= train[d - 1]! + 1e-12, `degree ${d}`);
    assert.ok(train[1]! > train[3]! && test[1]! > test[3]!);
  });
}
