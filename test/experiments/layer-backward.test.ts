import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createJsBackend } from '../../src/backend/js/js-backend.js';
import { setBackend } from '../../src/backend/registry.js';
import { createWasmBackendSync } from '../../src/backend/wasm/wasm-backend.js';
import { layerBackwardExperiment, type LayerCheck } from '../../src/experiments/layer-backward.js';

const previous = setBackend(createJsBackend());
after(() => setBackend(previous));

for (const [name, make] of [
  ['js', createJsBackend],
  ['wasm', createWasmBackendSync],
] as const) {
  test(`${name}: every layer's backward matches the numerical gradient in float64`, () => {
    setBackend(make());
    const n = layerBackwardExperiment.run({ size: 'tiny', seed: 0 }).numbers;
    const checks = n.checks as unknown as LayerCheck[];
    assert.deepEqual(
      checks.map((c) => c.layer),
      ['Affine', 'ReLU', 'Sigmoid', 'SoftmaxWithLoss'],
    );
    for (const c of checks) assert.ok(c.maxError < 1e-8, `${c.layer}: ${c.maxError}`);
    // dX = dY·Wᵀ, dW = Xᵀ·dY and db = Σₙ dY are what Affine.backward computes.
    const rules = n.affineRuleDifferences as Record<string, number>;
    for (const [k, v] of Object.entries(rules)) assert.ok(v < 1e-12, `${k}: ${v}`);
    assert.equal(n.sigmoidSlopeAt0, 0.25);
  });
}

test("Softmax-with-Loss on the book's y = (0.3, 0.2, 0.5), t = 1 sends y − t = (0.3, −0.8, 0.5)", () => {
  const n = layerBackwardExperiment.run({ size: 'tiny', seed: 0 }).numbers;
  assert.deepEqual(n.bookSoftmaxGradient, [0.3, -0.8, 0.5]);
  // gradlab's backward is y − t times yₜ/(yₜ + 1e-7): the same to 1e-6.
  const g = n.gradlabSoftmaxGradient as number[];
  [0.3, -0.8, 0.5].forEach((v, i) => assert.ok(Math.abs(g[i]! - v) < 1e-6, `${g[i]} vs ${v}`));
});
