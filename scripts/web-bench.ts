/**
 * Iterations per second of the same training run in Node and in the browser playground:
 * TwoLayerNet 784-50-10, SGD lr 0.1, batch 100, float32, seed 0, MNIST, WASM backend in both.
 * Both sides time only the training steps (the time inside trainSteps' next() for step events),
 * not the per-epoch evaluation, data loading or chart drawing.
 *
 * Usage: node --import tsx scripts/web-bench.ts [iterations=1000]
 */
import { setBackend } from '../src/backend/registry.js';
import { createWasmBackend } from '../src/backend/wasm/wasm-backend.js';
import { loadDataset } from '../src/platform/node/datasets.js';
import { prepareTraining } from '../src/train/prepare-training.js';
import { resolveTrainOptions } from '../src/train/train-options.js';
import { trainSteps } from '../src/train/train-steps.js';
import { launchChromium } from './web-browser.js';
import { startPlayground } from './web-server.js';

const iterations = Number(process.argv[2] ?? 1000);

async function nodeItPerSec(): Promise<{ itPerSec: number; testAccuracy: number }> {
  setBackend(await createWasmBackend());
  const { train, test } = loadDataset('mnist');
  const run = prepareTraining(resolveTrainOptions({ iterations }), { train, test });
  const steps = trainSteps(run);
  let ms = 0;
  let count = 0;
  let testAccuracy = NaN;
  for (;;) {
    const t0 = performance.now();
    const next = steps.next();
    const dt = performance.now() - t0;
    if (next.done) break;
    if (next.value.type === 'step') {
      ms += dt;
      count++;
    } else if (next.value.type === 'end') {
      testAccuracy = next.value.final.testAccuracy ?? NaN;
    }
  }
  return { itPerSec: (1000 * count) / ms, testAccuracy };
}

async function browserItPerSec(): Promise<{
  itPerSec: number;
  testAccuracy: number;
  browser: string;
}> {
  const server = await startPlayground('preview');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}#train`);
    await page.waitForSelector('#panel-train[data-ready=true]');
    await page.fill('#tr-iters', String(iterations));
    await page.click('#tr-start');
    await page.waitForSelector('#panel-train[data-state=done]', { timeout: 600_000 });
    const d = await page.evaluate(() => ({ ...document.getElementById('panel-train')!.dataset }));
    return {
      itPerSec: Number(d.itPerSec),
      testAccuracy: Number(d.testAccuracy),
      browser: `Chromium ${browser.version()}`,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const node = await nodeItPerSec();
const web = await browserItPerSec();
console.log(`784-50-10, SGD lr 0.1, batch 100, float32, ${iterations} iterations, WASM backend`);
console.log(
  `Node ${process.version.padEnd(20)} ${node.itPerSec.toFixed(0).padStart(6)} it/s   test acc ${node.testAccuracy.toFixed(4)}`,
);
console.log(
  `${web.browser.padEnd(25)} ${web.itPerSec.toFixed(0).padStart(6)} it/s   test acc ${web.testAccuracy.toFixed(4)}`,
);
console.log(`browser / Node: ${(web.itPerSec / node.itPerSec).toFixed(2)}`);
