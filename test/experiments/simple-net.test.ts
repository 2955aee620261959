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

test("softmax's intermediates and the delta = 0 variant match the book's prints", () => {
  const n = simpleNetExperiment.run({ size: 'tiny', seed: 0 }).numbers;
  const shifted = n.softmaxShifted as number[];
  [-0.07865931, -0.50209087, 0].forEach((v, i) => assert.ok(Math.abs(shifted[i]! - v) < 5e-9));
  const y = (n.book as { probabilities: number[] }).probabilities;
  [0.36541271, 0.23927078, 0.39531651].forEach((v, i) => assert.ok(Math.abs(y[i]! - v) < 5e-9));
  const noDelta = n.noDelta as { loss: number; dW: number[]; maxDiff: number };
  // The book printed 0.92806853663411326 from a W it shows to 8 digits only.
  assert.ok(Math.abs(noDelta.loss - 0.92806853663411326) < 5e-9, String(noDelta.loss));
  assert.ok(Math.abs(noDelta.loss - book.loss) > 2e-7); // the 1e-7 in the log is gone
  const printed = [0.21924763, 0.14356247, -0.36281009, 0.32887144, 0.2153437, -0.54421514];
  printed.forEach((v, i) => assert.ok(Math.abs(noDelta.dW[i]! - v) < 1e-7, `dW[${i}]`));
  assert.ok(noDelta.maxDiff < 1e-9);
});
