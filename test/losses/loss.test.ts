import { test } from 'node:test';
import assert from 'node:assert/strict';
import { klDivLoss } from '../../src/losses/kl-div-loss.js';
import { LossInputError } from '../../src/losses/loss-error.js';
import { mseLoss, MSELoss } from '../../src/losses/mse-loss.js';
import { tensor, Tensor } from '../../src/tensor/index.js';
import { checkGradient, type LossModule } from './loss-check.js';
import { x, y } from './fixtures.js';

test('a reduced loss is a number and reduction none gives a Tensor, also in the types', () => {
  const mean: number = mseLoss(x, y);
  const sum: number = mseLoss(x, y, { reduction: 'sum' });
  const none: Tensor = mseLoss(x, y, { reduction: 'none' });
  const fromClass: Tensor = new MSELoss({ reduction: 'none' }).forward(x, y);
  assert.equal(typeof mean, 'number');
  assert.equal(typeof sum, 'number');
  assert.ok(none instanceof Tensor && fromClass instanceof Tensor);
  assert.deepEqual(none.shape, [2, 3]);
});

test('an unknown reduction is rejected by the function and by the constructor', () => {
  const message = /mseLoss: options\.reduction: expected 'none' \| 'mean' \| 'sum', found 'avg'/;
  // @ts-expect-error: 'avg' is not a Reduction
  assert.throws(() => mseLoss(x, y, { reduction: 'avg' }), message);
  // @ts-expect-error: 'batchmean' belongs to KLDivLoss only
  const batchmean = (): unknown => new MSELoss({ reduction: 'batchmean' });
  assert.throws(batchmean, /MSELoss: options\.reduction: .* found 'batchmean'/);
  assert.equal(klDivLoss([0], [1], { reduction: 'batchmean' }), 0);
});

test('backward before forward is an error naming the class', () => {
  assert.throws(
    () => new MSELoss().backward(),
    (e: unknown) =>
      e instanceof LossInputError &&
      /^MSELoss\.backward: call order: expected forward/.test(e.message),
  );
});

test('dout must be a number for a reduced loss and match the output shape for none', () => {
  const reduced = new MSELoss();
  reduced.forward(x, y);
  assert.throws(
    () => reduced.backward([1, 2]),
    /MSELoss\.backward: dout: expected a number \(the loss is reduced\), found shape \(2,\)/,
  );
  assert.deepEqual(reduced.backward([2]).toArray(), reduced.backward(2).toArray());
  const none = new MSELoss({ reduction: 'none' });
  none.forward(x, y);
  assert.throws(
    () => none.backward([1, 2, 3]),
    /dout: expected a number or the output's shape \(2, 3\), found \(3,\)/,
  );
});

test('a number dout for reduction none scales every element, and backward leaves dout untouched', () => {
  const none = new MSELoss({ reduction: 'none' });
  none.forward(x, y);
  const ones = tensor([
    [3, 3, 3],
    [3, 3, 3],
  ]);
  assert.deepEqual(none.backward(3).toArray(), none.backward(ones).toArray());
  assert.deepEqual(ones.toArray(), [
    [3, 3, 3],
    [3, 3, 3],
  ]);
});

test('float32 inputs give float32 outputs and gradients, computed in float64', () => {
  const loss = new MSELoss({ reduction: 'none' });
  const out = loss.forward(tensor(x, { dtype: 'float32' }), y);
  assert.equal(out.dtype, 'float32');
  assert.equal(loss.backward().dtype, 'float32');
  assert.equal(new MSELoss().forward(tensor(x), y).constructor, Number);
});

test('changing the input after forward does not change backward', () => {
  const input = tensor(x);
  const loss = new MSELoss({ reduction: 'sum' });
  loss.forward(input, y);
  const before = loss.backward().toArray();
  input.data.fill(100);
  assert.deepEqual(loss.backward().toArray(), before);
});

test('the mean of an empty input is NaN, as in PyTorch', () => {
  assert.ok(Number.isNaN(mseLoss([], [])));
  assert.equal(mseLoss([], [], { reduction: 'sum' }), 0);
});

test('ragged input is a loss input error naming the argument', () => {
  assert.throws(
    () => mseLoss([[1, 2], [3]], [[1, 2], [3]]),
    /mseLoss: input: expected a Tensor or a rectangular nested array of numbers/,
  );
  assert.throws(
    () => mseLoss([1, 2], [1, 2, 3]),
    /mseLoss: target: expected the input's shape \(2,\), found \(3,\)/,
  );
});

test('the gradient check fails for a backward that is off by a factor', () => {
  const wrong = (): LossModule<NumberArray> => {
    const inner = new MSELoss({ reduction: 'sum' });
    return {
      forward: (input, target) => inner.forward(input, target),
      backward: () => {
        const g = inner.backward();
        g.data[0] *= 1.01;
        return g;
      },
    };
  };
  assert.throws(() => checkGradient(wrong, x, y), /relative error .* at element 0/);
});

type NumberArray = number[][];
