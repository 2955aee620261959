import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TwoLayerNet } from '../../src/models/two-layer-net.js';
import { VariableTwoLayerNet } from '../../src/models/variable-two-layer-net.js';
import { axpyInPlace, createRng, randn } from '../../src/tensor/index.js';
import { onEachBackendAsync } from '../helpers/backends.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap plus array buffers (WASM memory and typed arrays live outside the JS heap), after a full GC. */
async function usedBytes(): Promise<number> {
  gc();
  await new Promise((resolve) => setImmediate(resolve)); // finalizers free WASM blocks
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

// On the wasm backend a dropped tensor's WebAssembly memory is freed by a FinalizationRegistry,
// whose callbacks run only when the loop yields to the event loop; the loop yields every 100 steps,
// as the CLI's training driver does every 50 ms. The JS heap needs no yield.
test('10,000 training steps of a Variable net do not grow the memory (the graphs are freed)', async (t) => {
  await onEachBackendAsync(async (backend) => {
    const rng = createRng(5);
    const net = new VariableTwoLayerNet(new TwoLayerNet(20, 16, 4, { rng }).params as never);
    const x = randn([8, 20], rng);
    const labels = Int32Array.of(0, 1, 2, 3, 0, 1, 2, 3);
    const step = (): number => {
      const loss = net.loss(x, labels);
      for (const p of Object.values(net.params)) p.clearGrad();
      loss.backward();
      for (const p of Object.values(net.params)) axpyInPlace(p.data, -0.1, p.grad?.data ?? p.data);
      return loss.item();
    };
    const run = async (steps: number): Promise<number> => {
      let last = 0;
      for (let i = 1; i <= steps; i++) {
        last = step();
        if (i % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      return last;
    };
    await run(1000);
    const before = await usedBytes();
    const last = await run(10_000);
    const after = await usedBytes();
    const growth = after - before;
    t.diagnostic(
      `${backend}: ${(before / 2 ** 20).toFixed(2)} MiB before, ${(after / 2 ** 20).toFixed(2)} MiB after 10,000 steps (growth ${(growth / 2 ** 10).toFixed(1)} KiB)`,
    );
    assert.ok(last < 0.1, `${backend}: the net trained (loss ${last})`);
    assert.ok(growth < 2 ** 20, `${backend}: memory grew by ${(growth / 2 ** 20).toFixed(2)} MiB`);
  });
});

test('a graph held by the caller stays alive, and one that is dropped is collected', async () => {
  const { Variable } = await import('../../src/graph/index.js');
  let collected = false;
  const registry = new FinalizationRegistry(() => (collected = true));
  (() => {
    const x = new Variable(randn([100], createRng(1)));
    const y = x.exp().sum();
    registry.register(y.creator as object, 'node');
  })();
  for (let i = 0; i < 10 && !collected; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.ok(collected, 'the function node of a dropped graph was collected');
});
