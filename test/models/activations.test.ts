import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACTIVATION_NAMES,
  ACTIVATIONS,
  activationFor,
  isActivation,
} from '../../src/models/activations.js';
import { ModelError } from '../../src/models/model-error.js';
import { MultiLayerNet } from '../../src/models/multi-layer-net.js';
import { TwoLayerNet } from '../../src/models/two-layer-net.js';
import { numericalDiff } from '../../src/numerical/numerical-diff.js';
import { createRng, randn, tensor } from '../../src/tensor/index.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend(() => {
  test('the names are the table keys in order, with the new tanh and leakyRelu', () => {
    assert.deepEqual(ACTIVATION_NAMES, ['relu', 'sigmoid', 'tanh', 'leakyRelu']);
    assert.deepEqual(
      ACTIVATION_NAMES.map((n) => ACTIVATIONS[n].init),
      ['he', 'xavier', 'xavier', 'he'],
    );
  });

  test("each record's layer computes its scalar form elementwise", () => {
    const xs = [-3, -0.5, 0, 0.25, 2];
    for (const name of ACTIVATION_NAMES) {
      const { layer, scalar } = ACTIVATIONS[name];
      const out = layer().forward(tensor(xs)).toArray() as number[];
      xs.forEach((v, i) =>
        assert.ok(Math.abs(out[i] - scalar.value(v)) < 1e-15, `${name}(${v}) = ${out[i]}`),
      );
    }
  });

  test('slopeBound bounds the derivative of each scalar form', () => {
    for (const name of ACTIVATION_NAMES) {
      const { value, slopeBound } = ACTIVATIONS[name].scalar;
      for (let v = -4; v <= 4; v += 0.37) {
        const slope = Math.abs(numericalDiff(value, v));
        assert.ok(slope <= slopeBound + 1e-9, `${name}'(${v}) = ${slope} > ${slopeBound}`);
      }
    }
  });

  test('isActivation and activationFor accept the table keys only, with a one-line error', () => {
    assert.ok(isActivation('leakyRelu'));
    assert.ok(!isActivation('toString'));
    assert.ok(!isActivation(3));
    assert.equal(activationFor('Net', 'tanh'), ACTIVATIONS.tanh);
    assert.throws(
      () => activationFor('MultiLayerNet', 'gelu'),
      (e: unknown) =>
        e instanceof ModelError &&
        e.message ===
          "MultiLayerNet: activation must be one of relu, sigmoid, tanh, leakyRelu, got 'gelu'",
    );
  });

  test('every activation trains through TwoLayerNet and MultiLayerNet with backprop = numerical', () => {
    for (const activation of ACTIVATION_NAMES) {
      const rng = createRng(90);
      const x = randn([3, 5], rng);
      const t = [0, 2, 1];
      const nets = [
        new TwoLayerNet(5, 4, 3, { activation, weightInitStd: 0.7, rng }),
        new MultiLayerNet({ inputSize: 5, hiddenSizes: [4, 3], outputSize: 3, activation, rng }),
      ];
      for (const net of nets) {
        assert.equal(net.config.activation, activation);
        const { grads } = net.gradient(x, t);
        const numerical = net.numericalGradient(x, t);
        for (const [key, g] of Object.entries(grads)) {
          for (let i = 0; i < g.size; i++) {
            const a = g.data[i];
            const n = numerical[key].data[i];
            const rel = Math.abs(a - n) / Math.max(Math.abs(a) + Math.abs(n), 1e-8);
            assert.ok(rel < 1e-5, `${activation} ${net.config.kind} ${key}[${i}]: ${a} vs ${n}`);
          }
        }
      }
    }
  });
});
