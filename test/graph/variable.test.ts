import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Function, GraphError, mul, noGrad, Variable } from '../../src/graph/index.js';
import { mul as mulTensor, tensor, type Tensor } from '../../src/tensor/index.js';
import { onEachBackend } from '../helpers/backends.js';

/** The gradient as a number (a function, so assertions on .grad do not narrow its type). */
const g = (v: Variable): number | undefined => v.grad?.item();

test('data may be a number, a nested array or a Tensor; anything else is a clear error', () => {
  assert.deepEqual(new Variable(2).shape, []);
  assert.deepEqual(new Variable([[1, 2]]).shape, [1, 2]);
  const t = tensor([1, 2, 3]);
  assert.equal(new Variable(t).data, t);
  assert.equal(new Variable(1, { dtype: 'float32' }).dtype, 'float32');
  assert.throws(
    () => new Variable('3' as unknown as number),
    /Variable: data must be a number, a nested array or a Tensor, got string/,
  );
});

test('backward seeds dy = 1 and gives every input its gradient', () => {
  onEachBackend(() => {
    const x = new Variable(3, { name: 'x' });
    const y = x.mul(x).add(x); // x² + x
    assert.equal(y.item(), 12);
    y.backward();
    assert.equal(x.grad?.item(), 7);
  });
});

test('a variable used on two paths gets the sum of both (generation order, DeZero step 16)', () => {
  const x = new Variable(2);
  const a = x.pow(2);
  const y = a.pow(2).add(a.pow(2)); // 2x⁴
  y.backward();
  assert.equal(y.item(), 32);
  assert.equal(x.grad?.item(), 64);
});

test('gradients accumulate across backward calls until clearGrad', () => {
  const x = new Variable(3);
  x.mul(x).backward();
  x.mul(x).backward();
  assert.equal(x.grad?.item(), 12);
  x.clearGrad();
  assert.equal(x.grad, null);
  x.mul(x).backward();
  assert.equal(g(x), 6);
});

test('grad is null where no path leads, and intermediate gradients are kept only with retainGrad', () => {
  const x = new Variable(1);
  const unused = new Variable(5);
  const t = x.add(1);
  const y = t.mul(2);
  y.backward();
  assert.equal(unused.grad, null);
  assert.equal(t.grad, null);
  assert.equal(y.grad, null);
  x.clearGrad();
  y.backward({ retainGrad: true });
  assert.equal(g(t), 2);
  assert.equal(g(y), 1);
});

test('backward on a non-scalar without a seed says so; a seed must have the shape', () => {
  const y = new Variable([1, 2, 3], { name: 'y' }).mul(2);
  y.name = 'y';
  assert.throws(
    () => y.backward(),
    (e: unknown) =>
      e instanceof GraphError &&
      /backward: 'y' has shape \(3,\); without a seed it must be a scalar/.test(e.message),
  );
  assert.throws(
    () => y.backward({ grad: [1, 2] }),
    /the seed grad has shape \(2,\) but 'y' has shape \(3,\)/,
  );
  const x = new Variable([1, 2, 3]);
  x.mul(2).backward({ grad: [1, 10, 100] });
  assert.deepEqual(x.grad?.data.toArray(), [2, 20, 200]);
});

test("a function's backward before its forward says so", () => {
  class Square extends Function {
    readonly name = 'Square';
    forward([x]: Tensor[]): Tensor {
      return mulTensor(x, x);
    }
    backward(gy: Variable): Variable[] {
      return [gy.mul(this.inputs[0]).mul(2)];
    }
  }
  assert.throws(
    () => new Square().backward(new Variable(1)),
    /Square.backward called before forward: the node has no inputs/,
  );
  const x = new Variable(3);
  const y = new Square().apply(x);
  y.backward();
  assert.equal(y.item(), 9);
  assert.equal(x.grad?.item(), 6);
});

test('noGrad records nothing: no creator, no gradient, and recording comes back afterwards', () => {
  const x = new Variable(2);
  const y = noGrad(() => x.mul(3));
  assert.equal(y.creator, null);
  assert.equal(y.item(), 6);
  y.backward();
  assert.equal(x.grad, null);
  assert.notEqual(x.mul(3).creator, null);
  assert.throws(
    () =>
      noGrad(() => {
        throw new Error('inside');
      }),
    /inside/,
  );
  assert.notEqual(mul(x, 3).creator, null);
});

test('y = x⁴ − 2x² at x = 2: y′ = 24 and, with createGraph, y″ = 44 (DeZero step 33)', () => {
  onEachBackend(() => {
    const x = new Variable(2);
    const y = x.pow(4).sub(x.pow(2).mul(2));
    y.backward({ createGraph: true });
    const gx = x.grad as Variable;
    assert.equal(gx.item(), 24);
    x.clearGrad();
    gx.backward();
    assert.equal(x.grad?.item(), 44);
  });
});

test('without createGraph the gradient has no creator (nothing to differentiate again)', () => {
  const x = new Variable(2);
  x.pow(3).backward();
  assert.equal(x.grad?.creator, null);
});

test('numbers take the dtype of the other operand', () => {
  const x = new Variable([1, 2], { dtype: 'float32' });
  assert.equal(x.mul(2).dtype, 'float32');
  assert.equal(mul(2, x).dtype, 'float32');
});

test('a leaf with requiresGrad: false gets no gradient from Linear or MatMul, the others still do', async () => {
  const { linear, matmul } = await import('../../src/graph/index.js');
  const x = new Variable([[1, 2]], { requiresGrad: false });
  const W = new Variable([[1], [2]]);
  linear(x, W).sum().backward();
  assert.equal(x.grad, null);
  assert.deepEqual(W.grad?.data.toArray(), [[1], [2]]);
  const a = new Variable([[3]]);
  matmul(a, new Variable([[4]], { requiresGrad: false }))
    .sum()
    .backward();
  assert.equal(a.grad?.item(), 4);
});
