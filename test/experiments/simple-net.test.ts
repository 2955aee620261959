import assert from 'node:assert/strict';
import { test } from 'node:test';
import { numpyString, simpleNetExperiment } from '../../src/experiments/simple-net.js';
import { tensor } from '../../src/tensor/creation.js';

const book = simpleNetExperiment.run({ size: 'tiny', seed: 0 }).numbers.book as {
  loss: number;
  argmax: number;
  dW: number[];
  maxDiff: number;
  session: string;
};

test("with the book's W the loss is 0.9280682857864075 (cross_entropy_error with its 1e-7) and class 2 is predicted", () => {
  assert.equal(book.loss, 0.9280682857864075);
  assert.equal(book.argmax, 2);
});

test("the numerical dW matches the book's re-run values to 1e-7 and the backprop dW to 1e-9", () => {
  const expected = [0.21924757, 0.14356243, -0.36281, 0.32887136, 0.21534364, -0.544215];
  expected.forEach((v, i) =>
    assert.ok(Math.abs(book.dW[i]! - v) < 1e-7, `dW[${i}] = ${book.dW[i]}`),
  );
  assert.ok(book.maxDiff < 1e-9);
});

test('the session prints arrays as NumPy does', () => {
  assert.ok(book.session.includes('[1.05414809 0.63071653 1.1328074 ]'));
  assert.equal(
    numpyString(
      tensor([
        [0.5, -1.25],
        [10, 2],
      ]),
    ),
    '[[ 0.5  -1.25]\n [10.    2.  ]]',
  );
});
