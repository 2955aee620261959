import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Dropout } from '../../src/layers/dropout.js';
import { LayerError } from '../../src/layers/layer-error.js';
import { createRng, full, randn, tensor } from '../../src/tensor/index.js';
import { assertLayerGradients } from '../helpers/gradcheck.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend(() => {
  test('training keeps about 1 − r of the units and scales them by 1/(1 − r)', () => {
    const layer = new Dropout(0.2, createRng(40));
    const out = layer.forward(full([100, 100], 3), true);
    const kept = Array.from(out.data).filter((v) => v !== 0);
    assert.ok(kept.every((v) => Math.abs(v - 3 / 0.8) < 1e-12));
    const keptFraction = kept.length / out.size;
    assert.ok(Math.abs(keptFraction - 0.8) < 0.02, `kept ${keptFraction}`);
  });

  test('inference is the identity, and the expected training output equals it', () => {
    const rng = createRng(41);
    const x = randn([4, 5], rng);
    const layer = new Dropout(0.5, rng);
    assert.deepEqual(layer.forward(x).toArray(), x.toArray());
    const sum = new Float64Array(x.size);
    const trials = 4000;
    for (let k = 0; k < trials; k++) {
      const out = layer.forward(x, true).data;
      for (let i = 0; i < x.size; i++) sum[i] += out[i];
    }
    // The mean of 4000 masks has a standard deviation of 1/√4000 ≈ 0.016 per unit of |x|.
    for (let i = 0; i < x.size; i++) {
      assert.ok(
        Math.abs(sum[i] / trials - x.data[i]) < 0.08 * Math.max(1, Math.abs(x.data[i])),
        `unit ${i}`,
      );
    }
  });

  test('the same seed gives the same masks', () => {
    const a = new Dropout(0.5, createRng(7)).forward(full([3, 8], 1), true);
    const b = new Dropout(0.5, createRng(7)).forward(full([3, 8], 1), true);
    assert.deepEqual(a.toArray(), b.toArray());
  });

  test('backward multiplies dout by the training mask, and passes dout through after inference', () => {
    const layer = new Dropout(0.5, createRng(42));
    const out = layer.forward(full([2, 6], 1), true);
    assert.deepEqual(layer.backward(full([2, 6], 1)).toArray(), out.toArray());
    layer.forward(full([2, 6], 1), false);
    assert.deepEqual(
      layer
        .backward(
          tensor([
            [1, 2, 3, 4, 5, 6],
            [0, 0, 0, 0, 0, 1],
          ]),
        )
        .toArray(),
      [
        [1, 2, 3, 4, 5, 6],
        [0, 0, 0, 0, 0, 1],
      ],
    );
  });

  test('backward matches the numerical gradient in float64 with the mask frozen', () => {
    const rng = createRng(43);
    const layer = new Dropout(0.3, createRng(44));
    layer.maskFrozen = true;
    assertLayerGradients(layer, randn([3, 7], rng), { rng, train: true });
  });

  test('backward matches the numerical gradient in float32 with the mask frozen', () => {
    const rng = createRng(45);
    const layer = new Dropout(0.3, createRng(46));
    layer.maskFrozen = true;
    assertLayerGradients(layer, randn([3, 7], rng, { dtype: 'float32' }), { rng, train: true });
  });

  test('a frozen mask is reused and an unfrozen one is redrawn', () => {
    const layer = new Dropout(0.5, createRng(47));
    const x = full([4, 8], 1);
    const first = layer.forward(x, true).toArray();
    layer.maskFrozen = true;
    assert.deepEqual(layer.forward(x, true).toArray(), first);
    layer.maskFrozen = false;
    assert.notDeepEqual(layer.forward(x, true).toArray(), first);
  });

  test('ratio 0 keeps everything; ratios outside [0, 1) and backward before forward throw', () => {
    assert.deepEqual(new Dropout(0, createRng(0)).forward(tensor([1, 2]), true).toArray(), [1, 2]);
    assert.throws(() => new Dropout(1, createRng(0)), LayerError);
    assert.throws(
      () => new Dropout(-0.1, createRng(0)),
      /ratio must be a number in \[0, 1\), got -0.1/,
    );
    assert.throws(
      () => new Dropout(0.5, createRng(0)).backward(tensor([1])),
      /Dropout.backward called before forward/,
    );
  });

  test('dout that does not match the last input throws in training and in inference; a missing rng throws', () => {
    const layer = new Dropout(0.5, createRng(48));
    layer.forward(full([2, 4], 1), true);
    // (4,) would broadcast against the (2, 4) mask as a row vector: it must be refused instead.
    assert.throws(
      () => layer.backward(full([4], 1)),
      /Dropout.backward: dout must have the output's shape \(2, 4\) and dtype float64, got \(4,\) float64/,
    );
    layer.forward(full([3], 1));
    assert.throws(
      () => layer.backward(full([2], 1)),
      /dout must have the output's shape \(3,\) and dtype float64/,
    );
    assert.throws(
      () => new Dropout(0.5, undefined as unknown as ReturnType<typeof createRng>),
      /Dropout: rng must be a generator from createRng\(seed\), got undefined/,
    );
  });
});
