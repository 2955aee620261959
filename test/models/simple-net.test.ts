import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LossAdapter } from '../../src/layers/loss-adapter.js';
import { SoftmaxWithLoss } from '../../src/layers/softmax-with-loss.js';
import { MSELoss } from '../../src/losses/mse-loss.js';
import { LayeredNet } from '../../src/models/layered-net.js';
import { ModelError } from '../../src/models/model-error.js';
import { SimpleNet } from '../../src/models/simple-net.js';
import { gradientCheck } from '../../src/numerical/gradient-check.js';
import { createRng, tensor } from '../../src/tensor/index.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend(() => {
  // The book's fixed W (gradient_simplenet.py as printed), x and one-hot t.
  const bookW = (): ReturnType<typeof tensor> =>
    tensor([
      [0.47355232, 0.9977393, 0.84668094],
      [0.85557411, 0.03563661, 0.69422093],
    ]);
  const x = tensor([0.6, 0.9]);
  const t = [0, 0, 1];

  function assertNear(
    actual: number[][] | number[],
    expected: number[][] | number[],
    tol: number,
  ): void {
    const a = actual.flat();
    const e = expected.flat();
    e.forEach((v, i) => assert.ok(Math.abs(a[i] - v) <= tol, `[${i}] ${a[i]} vs ${v}`));
  }

  test('predict gives the book scores [1.05414809, 0.63071653, 1.1328074] with argmax 2', () => {
    const net = new SimpleNet(bookW());
    const p = net.predict(x);
    assert.deepEqual(p.shape, [3]);
    assertNear(p.toArray() as number[], [1.05414809, 0.63071653, 1.1328074], 5e-9);
    assert.equal(net.accuracy(x, t), 1);
  });

  test('the loss equals the repo cross_entropy_error with its 1e-7 delta: 0.9280682857864075', () => {
    // The book prints 0.92806853663411326, which is the same loss without the delta (about 2.5e-7 apart).
    const loss = new SimpleNet(bookW()).loss(x, t);
    assert.ok(Math.abs(loss - 0.9280682857864075) <= 1e-15, String(loss));
    assert.ok(Math.abs(loss - 0.92806853663411326) > 2e-7);
  });

  test('the numerical dW matches the repo values to about 8 digits', () => {
    const dW = new SimpleNet(bookW()).numericalGradient(x, t).W;
    assertNear(
      dW.toArray() as number[][],
      [
        [0.21924757, 0.14356243, -0.36281],
        [0.32887136, 0.21534364, -0.544215],
      ],
      6e-9,
    );
  });

  test('backpropagation agrees with the numerical gradient', () => {
    const net = new SimpleNet(bookW());
    const numerical = net.numericalGradient(x, t);
    const { loss, grads } = net.gradient(x, t);
    assert.ok(net.lastLayer instanceof SoftmaxWithLoss);
    assert.equal(loss, net.lastLayer.loss);
    const r = gradientCheck(grads, numerical).W;
    assert.ok(r.maxRel < 1e-8, `${r.maxRel} at [${r.worstIndex.join(', ')}]`);
  });

  test('a batch of rows works like single samples, and an rng draws a 2×3 W', () => {
    const net = new SimpleNet(createRng(70));
    assert.deepEqual(net.W.shape, [2, 3]);
    assert.equal(net.params.W, net.W);
    const batch = tensor([
      [0.6, 0.9],
      [1, -1],
    ]);
    const rows = net.predict(batch).toArray() as number[][];
    assert.deepEqual(rows[0], net.predict(x).toArray());
    const grads = net.gradient(batch, [2, 0]).grads;
    assert.ok(gradientCheck(grads, net.numericalGradient(batch, [2, 0])).W.maxRel < 1e-7);
    assert.equal(net.config.kind, 'simple');
  });

  test('a W that is not 2-D and an x of the wrong width throw', () => {
    assert.throws(() => new SimpleNet(tensor([1, 2, 3])), ModelError);
    assert.throws(
      () => new SimpleNet(bookW()).predict(tensor([1, 2, 3])),
      /x must be \(N, 2\) or \(2\), got \(3,\)/,
    );
  });

  test('SimpleNet is a LayeredNet and ends in any loss layer', () => {
    const net = new SimpleNet(bookW(), new LossAdapter(new MSELoss()));
    assert.ok(net instanceof LayeredNet);
    const t2 = tensor([[1, 0, 0]]);
    const batch = tensor([[0.6, 0.9]]);
    assert.ok(
      gradientCheck(net.gradient(batch, t2).grads, net.numericalGradient(batch, t2)).W.maxRel <
        1e-8,
    );
    assert.deepEqual(Object.keys(net.params), ['W']);
  });
});

test('two predicts return distinct tensors with their own values; { reuse: true } shares one buffer', () => {
  const bookW = (): ReturnType<typeof tensor> =>
    tensor([
      [0.47355232, 0.9977393, 0.84668094],
      [0.85557411, 0.03563661, 0.69422093],
    ]);
  const net = new SimpleNet(bookW());
  const p1 = net.predict(tensor([[0.6, 0.9]]));
  const p2 = net.predict(tensor([[1, 0]]));
  assert.notEqual(p1, p2);
  assert.deepEqual(p1.toArray(), net.predict(tensor([[0.6, 0.9]])).toArray());
  assert.deepEqual(p2.toArray(), [Array.from(bookW().data.subarray(0, 3))]);
  const g1 = net.gradient(tensor([[0.6, 0.9]]), [2]).grads.W;
  assert.notEqual(net.gradient(tensor([[0.6, 0.9]]), [2]).grads.W, g1);
  const shared = net.predict(tensor([[1, 0]]), false, { reuse: true });
  assert.equal(net.predict(tensor([[0, 1]]), false, { reuse: true }), shared);
});
