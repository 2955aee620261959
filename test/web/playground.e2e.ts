/**
 * Browser tests of the playground (all four tabs), in Debian's chromium driven by playwright-core.
 * Run: `npm run test:web` (node --import tsx --test test/web/playground.e2e.ts). Not a *.test.ts
 * file, so the unit suite does not pick it up. Screenshots go to test-results/web/.
 *
 * The production build is served by `vite preview` on 127.0.0.1 at a free port (what
 * `npm run build:web` writes); a last test starts the dev server (what `npm run web` runs).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_PATH as CHROMIUM, launchChromium } from '../../scripts/web-browser.js';
import { startPlayground, type PlaygroundServer } from '../../scripts/web-server.js';
import {
  chartReady,
  dataset,
  DESKTOP,
  openPage as openPageIn,
  overflowX,
  PHONE,
  SHOTS,
  showTab,
} from './browser-page.js';
import {
  createNetwork,
  createRng,
  encodeModel,
  loadModel,
  networkConfigFor,
  resolveTrainOptions,
} from '../../src/index.js';

let server: PlaygroundServer;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const openPage = (url: string, viewport = DESKTOP): Promise<Page> =>
  openPageIn(browser, url, consoleErrors, viewport);

/** Draws a polyline on the drawing pad with the mouse; points in 0..1 of the pad's size. */
async function stroke(p: Page, points: readonly (readonly [number, number])[]): Promise<void> {
  const box = (await p.locator('#draw-pad').boundingBox())!;
  const at = ([x, y]: readonly [number, number]) =>
    [box.x + x * box.width, box.y + y * box.height] as const;
  await p.mouse.move(...at(points[0]!));
  await p.mouse.down();
  for (const q of points.slice(1)) await p.mouse.move(...at(q), { steps: 4 });
  await p.mouse.up();
}

async function predictionAfter(p: Page, draw: () => Promise<void>): Promise<string> {
  await p.click('#draw-clear');
  await draw();
  await p.waitForSelector('#panel-draw[data-prediction]');
  return (await dataset(p, 'panel-draw')).prediction!;
}

describe(
  'playground in chromium',
  { skip: !existsSync(CHROMIUM) && `no browser at ${CHROMIUM}` },
  () => {
    before(async () => {
      mkdirSync(SHOTS, { recursive: true });
      server = await startPlayground('preview');
      browser = await launchChromium();
      page = await openPage(`${server.url}#train`);
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test('the server listens on the loopback address and serves only the site and the MNIST files', async () => {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      const get = async (path: string) => (await page.request.get(server.url + path)).status();
      assert.equal(await get('mnist/t10k-labels-idx1-ubyte'), 200);
      for (const path of [
        'package.json',
        'mnist/../package.json',
        'mnist/other-file',
        '@fs/etc/passwd',
        'src/main.ts',
      ]) {
        assert.equal(await get(path), 404, path);
      }
    });

    test("one epoch of the book's network in the worker reaches test accuracy above 0.85", async (t) => {
      // 784-50-10, SGD lr 0.1, batch 100 (the form's defaults), 600 iterations = one epoch.
      await page.waitForSelector('#panel-train[data-ready=true]');
      await page.fill('#tr-iters', '600');
      await page.click('#tr-start');
      await page.waitForSelector('#panel-train[data-state=running]');
      await page.waitForFunction(() =>
        document.getElementById('tr-status')!.textContent!.includes('wasm backend'),
      );
      await page.waitForSelector('#panel-train[data-state=done]', { timeout: 90_000 });
      const d = await dataset(page, 'panel-train');
      assert.ok(Number(d.testAccuracy) > 0.85, `test accuracy ${d.testAccuracy}`);
      assert.ok(Number(d.itPerSec) > 0, `it/s ${d.itPerSec}`);
      // The test loss is measured beside the training loss at each epoch; samples/s = it/s × batch.
      assert.ok(Number(d.testLoss) > 0 && Number(d.testLoss) < 1, `test loss ${d.testLoss}`);
      assert.ok(Number(await page.textContent('#st-samples')) > 0);
      await chartReady(page, 'tr-loss-chart');
      await chartReady(page, 'tr-acc-chart');
      assert.equal(await page.isEnabled('#tr-download'), true);

      // The worker's test report: confusion matrix, misclassified digits, W1 as images.
      await page.waitForSelector('#panel-train[data-report-count]');
      const views = await page.evaluate(() => {
        return {
          count: Number(document.getElementById('panel-train')!.dataset.reportCount),
          rows: [...document.querySelectorAll<HTMLElement>('#tr-confusion-table tbody tr')].map(
            (tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent)),
          ),
          header: [...document.querySelectorAll<HTMLElement>('#tr-confusion-table thead th')]
            .length,
          misclassified: [
            ...document.querySelectorAll<HTMLElement>('#tr-misclassified figure'),
          ].map((f) => ({
            caption: f.querySelector('figcaption')!.textContent!,
            canvas: [f.querySelector('canvas')!.width, f.querySelector('canvas')!.height],
          })),
          weights: [...document.querySelectorAll<HTMLElement>('#tr-weights canvas')].map((c) => [
            (c as HTMLCanvasElement).width,
            (c as HTMLCanvasElement).height,
          ]),
        };
      });
      assert.equal(views.count, 10000, 'the whole MNIST test set');
      assert.equal(views.header, 11, 'corner + 10 predicted classes');
      assert.equal(views.rows.length, 10);
      for (const row of views.rows) assert.equal(row.length, 10);
      const cells = views.rows.flat();
      assert.equal(
        cells.reduce((a, b) => a + b, 0),
        views.count,
      );
      const diagonal = views.rows.reduce((a, row, i) => a + row[i]!, 0);
      assert.ok(
        Math.abs(diagonal / views.count - Number(d.testAccuracy)) < 1e-9,
        `diagonal ${diagonal} vs accuracy ${d.testAccuracy}`,
      );
      assert.ok(
        views.misclassified.length > 0 && views.misclassified.length <= 16,
        `${views.misclassified.length} misclassified`,
      );
      for (const m of views.misclassified) {
        const [, label, predicted, probability] = /^true (\d) → (\d) \((0\.\d\d|1\.00)\)$/.exec(
          m.caption,
        )!;
        assert.notEqual(label, predicted, m.caption);
        assert.ok(Number(probability) > 0, m.caption);
        assert.deepEqual(m.canvas, [28, 28]);
      }
      assert.ok(views.weights.length >= 1 && views.weights.length <= 16);
      for (const size of views.weights) assert.deepEqual(size, [28, 28]);
      await page.locator('#tr-misclassified').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/train-1280.png`, fullPage: true });
      await page.setViewportSize(PHONE);
      assert.ok((await overflowX(page)) <= 0, 'the trained Train tab fits a phone');
      await page.screenshot({ path: `${SHOTS}/train-phone.png`, fullPage: true });
      await page.setViewportSize(DESKTOP);
      t.diagnostic(`browser: test accuracy ${d.testAccuracy}, ${d.itPerSec} it/s`);
    });

    test('a chart render that waits while training goes on draws the series as they were', async () => {
      // chart-delay holds every deferred render for 400 ms, so progress events always arrive
      // between a render's request and its run (a busy machine did this by chance).
      const errors: string[] = [];
      const slow = await openPage(`${server.url}?chart-delay=400#train`);
      slow.on('pageerror', (e) => errors.push(e.message));
      await slow.waitForSelector('#panel-train[data-ready=true]');
      await slow.fill('#tr-iters', '4000');
      await slow.fill('#tr-size', '2000');
      await slow.click('#tr-start');
      await slow.waitForSelector('#panel-train[data-state=done]', { timeout: 90_000 });
      await chartReady(slow, 'tr-loss-chart');
      await slow.close();
      assert.deepEqual(errors, []);
    });

    test('a digit drawn on the canvas is recognised', async () => {
      await showTab(page, 'draw');
      // A "1": one vertical stroke; a "0": an ellipse.
      assert.equal(
        await predictionAfter(page, () =>
          stroke(page, [
            [0.5, 0.15],
            [0.49, 0.5],
            [0.48, 0.85],
          ]),
        ),
        '1',
      );
      const ring = Array.from({ length: 25 }, (_, i) => {
        const a = (2 * Math.PI * i) / 24;
        return [0.5 + 0.22 * Math.sin(a), 0.5 - 0.33 * Math.cos(a)] as const;
      });
      assert.equal(await predictionAfter(page, () => stroke(page, ring)), '0');
      await chartReady(page, 'draw-chart');
      await page.screenshot({ path: `${SHOTS}/draw-1280.png`, fullPage: true });
    });

    test('the model downloads as safetensors, and a file written in Node loads back', async () => {
      await showTab(page, 'train');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('#tr-download'),
      ]);
      assert.equal(download.suggestedFilename(), 'gradlab-784-50-10-relu.safetensors');
      const saved = loadModel(readFileSync((await download.path())!), download.suggestedFilename());
      assert.deepEqual(saved.config.hiddenSizes, [50]);
      assert.deepEqual(saved.params.W1!.shape, [784, 50]);

      // What `gradlab train` writes: encodeModel of a network (here 784-30-10, untrained).
      const options = resolveTrainOptions({ hiddenSizes: [30] });
      const file = `${SHOTS}/node-784-30-10.safetensors`;
      writeFileSync(
        file,
        encodeModel(createNetwork(networkConfigFor(options, 784, 10), createRng(1))),
      );
      await page.setInputFiles('#tr-load', file);
      await page.waitForFunction(() =>
        document.getElementById('tr-status')!.textContent!.includes('784-30-10'),
      );

      await page.setInputFiles('#tr-load', {
        name: 'broken.safetensors',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from('not a model'),
      });
      await page.waitForFunction(() =>
        document
          .getElementById('tr-status')!
          .textContent!.includes('Could not load broken.safetensors'),
      );
    });

    test('the learning-rate slider changes the gradient-descent path', async () => {
      await showTab(page, 'descent');
      const lr = page.locator('#gd-lr');
      await lr.focus();
      await page.keyboard.press('Home'); // η = 1e-10, the book's too small rate: no progress
      let d = await dataset(page, 'panel-descent');
      assert.equal(d.lr, '1e-10');
      assert.ok(
        Math.hypot(Number(d.finalX0) + 3, Number(d.finalX1) - 4) < 0.1,
        'barely moves from (-3, 4)',
      );
      await lr.fill('-1'); // η = 0.1: converges to the minimum
      d = await dataset(page, 'panel-descent');
      assert.equal(d.lr, '0.1');
      assert.ok(
        Math.hypot(Number(d.finalX0), Number(d.finalX1)) < 0.1,
        `ends near 0: ${d.finalX0}, ${d.finalX1}`,
      );
      await page.keyboard.press('End'); // η = 10, the book's too large rate: diverges
      d = await dataset(page, 'panel-descent');
      assert.equal(d.lr, '10');
      assert.equal(d.diverged, 'true');
      await chartReady(page, 'gd-chart');
      await page.screenshot({ path: `${SHOTS}/descent-diverged-1280.png`, fullPage: true });
      await lr.fill('-1');
      // Step back through the path with the keyboard-reachable buttons.
      await page.click('#gd-prev');
      assert.equal(await page.textContent('#gd-step-out'), '19 / 20');
      // Click the plot's upper-right quadrant: the start moves there.
      await chartReady(page, 'gd-chart');
      const box = (await page.locator('#gd-chart svg').boundingBox())!;
      await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.3);
      assert.ok(
        Number(await page.inputValue('#gd-x0')) > 0 && Number(await page.inputValue('#gd-x1')) > 0,
      );
      await page.selectOption('#gd-function', 'himmelblau');
      await chartReady(page, 'gd-chart');
      await page.screenshot({ path: `${SHOTS}/descent-1280.png`, fullPage: true });
    });

    test('every loss draws its curve and gradient', async () => {
      await showTab(page, 'losses');
      const ids = await page.$$eval('#ls-loss option', (os) =>
        os.map((o) => (o as HTMLOptionElement).value),
      );
      assert.ok(ids.length >= 15, `${ids.length} losses`);
      for (const id of ids) {
        await page.selectOption('#ls-loss', id);
        const d = await dataset(page, 'panel-losses');
        assert.equal(d.loss, id);
        assert.ok(Number.isFinite(Number(d.lossAtMid)), `${id}: loss ${d.lossAtMid}`);
      }
      await page.selectOption('#ls-loss', 'huber');
      await chartReady(page, 'ls-grad-chart');
      await page.screenshot({ path: `${SHOTS}/losses-1280.png`, fullPage: true });
    });

    test('the tabs work from the keyboard', async () => {
      await page.focus('#tab-losses');
      await page.keyboard.press('Home');
      assert.equal(await page.getAttribute('#tab-train', 'aria-selected'), 'true');
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.getAttribute('#tab-draw', 'aria-selected'), 'true');
      assert.equal(await page.isHidden('#panel-train'), true);
    });

    test('no console errors or warnings', () => {
      assert.deepEqual(consoleErrors, []);
    });
  },
);

describe(
  'dev server (npm run web)',
  { skip: !existsSync(CHROMIUM) && `no browser at ${CHROMIUM}` },
  () => {
    test('serves the page on 127.0.0.1 and refuses files outside web/ and src/', async () => {
      const dev = await startPlayground('dev');
      const b = await launchChromium();
      try {
        const p = await b.newPage({ viewport: DESKTOP });
        const errors: string[] = [];
        p.on('pageerror', (e) => errors.push(e.message));
        p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        await p.goto(`${dev.url}#descent`);
        await p.waitForSelector('#gd-chart svg');
        const status = async (path: string) => (await p.request.get(dev.url + path)).status();
        assert.equal(await status('mnist/train-labels-idx1-ubyte'), 200);
        assert.equal(await status('@fs/etc/passwd'), 403);
        assert.equal(await status(`@fs${process.cwd()}/package.json`), 403);
        assert.deepEqual(errors, []);
      } finally {
        await b.close();
        await dev.close();
      }
    });
  },
);
