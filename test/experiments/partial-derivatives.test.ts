import assert from 'node:assert/strict';
import { test } from 'node:test';
import { partialDerivativesExperiment } from '../../src/experiments/partial-derivatives.js';

test("the partials of x0² + x1² at (3, 4) are the book's 6.00000000000378 and 7.999999999999119", () => {
  const r = partialDerivativesExperiment.run({ size: 'tiny', seed: 0 });
  assert.equal(r.numbers.dfdx0, 6.00000000000378);
  assert.equal(r.numbers.dfdx1, 7.999999999999119);
  assert.deepEqual(r.numbers.numericalGradient, [6.00000000000378, 7.999999999999119]);
  assert.deepEqual(
    r.figures.map((f) => f.name),
    ['contour', 'slices'],
  );
});
