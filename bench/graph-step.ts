// A training step of the 784-50-10 net on a batch of 100 (float64 and float32, wasm and js):
// the layers (TwoLayerNet.gradient + SGD) against the same net written with Variables
// (VariableTwoLayerNet: build the graph, backward, SGD). Target: the Variable step within 2× of
// the layer step on wasm. Run: npm run bench:graph [-- --steps 300]
import { createJsBackend } from '../src/backend/js/js-backend.js';
import { setBackend } from '../src/backend/registry.js';
import { createWasmBackendSync } from '../src/backend/wasm/wasm-backend.js';
import '../src/graph/methods.js';
import { TwoLayerNet } from '../src/models/two-layer-net.js';
import { VariableTwoLayerNet } from '../src/models/variable-two-layer-net.js';
import { axpyInPlace, createRng, rand } from '../src/tensor/index.js';
import type { DType } from '../src/backend/backend.js';

const stepsArg = process.argv.indexOf('--steps');
const steps = stepsArg > 0 ? Number(process.argv[stepsArg + 1]) : 200;

async function time(body: () => void, n: number): Promise<number> {
  for (let i = 0; i < 20; i++) body();
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    for (let i = 1; i <= n; i++) {
      body();
      // Let the WASM finalizers free the dropped graphs' memory, as the CLI driver does.
      if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    best = Math.min(best, (performance.now() - t0) / n);
  }
  return best;
}

const rows: string[] = ['backend  dtype    layers ms/step  Variable ms/step  ratio  target'];
for (const [name, make] of [
  ['wasm', createWasmBackendSync],
  ['js', createJsBackend],
] as const) {
  setBackend(make());
  for (const dtype of ['float64', 'float32'] as DType[]) {
    const rng = createRng(0);
    const x = rand([100, 784], rng, { dtype });
    const t = Int32Array.from({ length: 100 }, (_, i) => i % 10);
    const layerNet = new TwoLayerNet(784, 50, 10, { dtype, rng: createRng(1) });
    const graphNet = new VariableTwoLayerNet(
      new TwoLayerNet(784, 50, 10, { dtype, rng: createRng(1) }).params as never,
    );
    const layers = await time(() => {
      const g = layerNet.gradient(x, t).grads;
      for (const k of ['W1', 'b1', 'W2', 'b2']) axpyInPlace(layerNet.params[k], -0.1, g[k]);
    }, steps);
    const graph = await time(() => {
      const g = graphNet.gradient(x, t).grads;
      for (const [k, v] of Object.entries(graphNet.params)) axpyInPlace(v.data, -0.1, g[k]);
    }, steps);
    const ratio = graph / layers;
    const target = name === 'wasm' ? (ratio <= 2 ? 'PASS (≤ 2×)' : 'MISS (≤ 2×)') : '';
    rows.push(
      `${name.padEnd(8)} ${dtype.padEnd(8)} ${layers.toFixed(3).padStart(14)}  ${graph.toFixed(3).padStart(16)}  ${ratio.toFixed(3).padStart(5)}  ${target}`,
    );
  }
}
console.log(rows.join('\n'));
