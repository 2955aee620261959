import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LayerError } from '../../src/layers/layer-error.js';
import { LossAdapter } from '../../src/layers/loss-adapter.js';
import { CrossEntropyLoss } from '../../src/losses/cross-entropy-loss.js';
import { MSELoss } from '../../src/losses/mse-loss.js';
import { createRng, tensor } from '../../src/tensor/index.js';
import { assertLossLayerGradients } from '../helpers/gradcheck.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend(() => {
  test('forward returns the reduced loss and backward its gradient, as the doc example says', () => {
    const last = new LossAdapter(new MSELoss());
    assert.equal(last.forward(tensor([[1], [2]]), tensor([1, 4])), 2);
    assert.deepEqual(last.backward().toArray(), [[0], [-2]]);
  });

  test('backward scales by dout and matches the numerical gradient', () => {
    const x = tensor([
      [0.5, -1.2],
      [1.5, 0.3],
    ]);
    assertLossLayerGradients(
      new LossAdapter(new MSELoss({ reduction: 'sum' })),
      x,
      tensor([
        [1, 0],
        [0, 2],
      ]),
      {
        rng: createRng(1),
      },
    );
    assertLossLayerGradients(new LossAdapter(new CrossEntropyLoss()), x, new Int32Array([1, 0]), {
      rng: createRng(2),
    });
  });

  test('Int32Array class indices reach CrossEntropyLoss as indices', () => {
    const x = tensor([
      [0, 0],
      [0, 0],
    ]);
    assert.ok(
      Math.abs(
        new LossAdapter(new CrossEntropyLoss()).forward(x, new Int32Array([1, 0])) - Math.LN2,
      ) < 1e-15,
    );
  });

  test("reduction 'none' and backward before forward are refused", () => {
    assert.throws(
      () => new LossAdapter(new MSELoss({ reduction: 'none' })),
      /reduction 'mean' or 'sum'/,
    );
    assert.throws(() => new LossAdapter(new MSELoss()).backward(), LayerError);
  });
});
