import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SoftmaxWithLoss } from '../../src/layers/softmax-with-loss.js';
import { LossInputError } from '../../src/losses/loss-error.js';
import { clone, createRng, randn, tensor } from '../../src/tensor/index.js';
import { onEachBackend } from '../helpers/backends.js';
import { assertLossLayerGradients } from '../helpers/gradcheck.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend(() => {
  test('forward is the batch mean of −log(softmax + 1e-7) at the label', () => {
    const layer = new SoftmaxWithLoss();
    const x = tensor([
      [1, 2, 3],
      [0, 0, 0],
    ]);
    const e = [Math.exp(-2), Math.exp(-1), 1];
    const s = e[0] + e[1] + e[2];
    const expected = (-Math.log(e[2] / s + 1e-7) - Math.log(1 / 3 + 1e-7)) / 2;
    assert.ok(Math.abs(layer.forward(x, [2, 1]) - expected) < 1e-15);
    assert.ok(Math.abs(layer.y!.at(0, 2) - e[2] / s) < 1e-15);
  });

  test('index labels, number arrays and one-hot rows give the same loss and gradient', () => {
    const x = tensor([
      [0.2, -1, 3],
      [1, 1, 0.5],
    ]);
    const a = new SoftmaxWithLoss();
    const b = new SoftmaxWithLoss();
    const c = new SoftmaxWithLoss();
    const la = a.forward(x, new Int32Array([2, 0]));
    assert.equal(
      b.forward(
        x,
        tensor([
          [0, 0, 1],
          [1, 0, 0],
        ]),
      ),
      la,
    );
    assert.equal(c.forward(x, tensor([2, 0])), la);
    assert.deepEqual(b.backward().toArray(), a.backward().toArray());
    assert.deepEqual(c.backward().toArray(), a.backward().toArray());
  });

  test('backward is (y − t)/N up to the δ factor y_t/(y_t + 1e-7), and dout scales it', () => {
    const layer = new SoftmaxWithLoss();
    layer.forward(tensor([[0, 0]]), [1]);
    const f = 0.5 / (0.5 + 1e-7);
    assert.deepEqual(layer.backward().toArray(), [[0.5 * f, -0.5 * f]]);
    assert.deepEqual(layer.backward(3).toArray(), [[1.5 * f, -1.5 * f]]);
  });

  test('backward matches the numerical gradient in float64', () => {
    const rng = createRng(30);
    assertLossLayerGradients(new SoftmaxWithLoss(), randn([4, 5], rng), [0, 4, 2, 2], { rng });
  });

  test('backward matches the numerical gradient in float32 with a loose tolerance', () => {
    const rng = createRng(31);
    const x = randn([4, 5], rng, { dtype: 'float32' });
    assertLossLayerGradients(new SoftmaxWithLoss(), x, [1, 3, 0, 4], { rng });
  });

  test('logits of 1000 give a finite loss and gradient, and a single 1-D sample works', () => {
    const layer = new SoftmaxWithLoss();
    const loss = layer.forward(tensor([[1000, 0, -1000]]), [0]);
    assert.ok(Number.isFinite(loss) && loss < 1e-6);
    assert.ok(Array.from(layer.backward().data).every(Number.isFinite));
    const one = new SoftmaxWithLoss().forward(tensor([0.3, 2.9, 4.0]), [0, 0, 1]);
    assert.ok(Math.abs(one + Math.log(0.73659691 + 1e-7)) < 1e-6);
  });

  test('backward leaves its input alone and, with reuseBuffers on, reuses its buffer across steps', () => {
    const layer = new SoftmaxWithLoss();
    layer.reuseBuffers = true;
    const x = tensor([
      [1, 2],
      [3, 1],
    ]);
    const before = clone(x);
    layer.forward(x, [0, 1]);
    const dx = layer.backward();
    layer.forward(x, [1, 1]);
    assert.equal(layer.backward(), dx);
    assert.deepEqual(x.toArray(), before.toArray());
  });

  test('bad labels and backward before forward throw clear errors', () => {
    const layer = new SoftmaxWithLoss();
    assert.throws(() => layer.backward(), /SoftmaxWithLoss.backward called before forward/);
    assert.throws(
      () => layer.forward(tensor([[1, 2]]), new Int32Array([2])),
      (e: unknown) =>
        e instanceof LossInputError &&
        /^SoftmaxWithLoss.forward: t\[0\]: expected a class index in 0..1, found 2$/.test(
          e.message,
        ),
    );
    assert.throws(
      () => layer.forward(tensor([[1, 2]]), [2]),
      /SoftmaxWithLoss.forward: t\[0\].*0..1.*2/,
    );
    assert.throws(() => layer.forward(tensor([[1, 2]]), [0.5]), /SoftmaxWithLoss.forward: t\[0\]/);
    assert.throws(
      () =>
        layer.forward(
          tensor([
            [1, 2],
            [3, 4],
          ]),
          [1, 0, 1],
        ),
      /SoftmaxWithLoss.forward/,
    );
  });
});

test('delta = 0 gives −log y and the gradient (y − t)/N exactly; a bad delta is refused', () => {
  const loss = new SoftmaxWithLoss({ delta: 0 });
  assert.equal(loss.forward(tensor([[0, 0]]), [1]), Math.log(2));
  assert.deepEqual(loss.backward().toArray(), [[0.5, -0.5]]);
  assert.throws(
    () => new SoftmaxWithLoss({ delta: -1 }),
    /delta must be a finite number ≥ 0, got -1/,
  );
});

test('with delta = 0, backward matches the numerical gradient in float64 on each backend', () => {
  onEachBackend(() => {
    const rng = createRng(32);
    assertLossLayerGradients(new SoftmaxWithLoss({ delta: 0 }), randn([4, 5], rng), [0, 4, 2, 1], {
      rng,
    });
  });
});
