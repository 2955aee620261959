/**
 * Browser tests of every tab in both languages (Korean and English), in Debian's chromium via
 * playwright-core: each tab opens with no message key and no English left in the Korean page,
 * fits a phone, and is photographed at desktop and phone size into test-results/web/.
 * Run with the other browser tests: `npm run test:web`.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_PATH as CHROMIUM, launchChromium } from '../../scripts/web-browser.js';
import { startPlayground, type PlaygroundServer } from '../../scripts/web-server.js';
import {
  chartReady,
  dataset,
  DESKTOP,
  openPage,
  overflowX,
  PHONE,
  SHOTS,
  showTab,
  untranslated,
} from './browser-page.js';

const TABS = ['train', 'draw', 'derivatives', 'descent', 'losses', 'graph', 'backprop'];

let server: PlaygroundServer;
let browser: Browser;
const errors: string[] = [];

/** The Backprop panel's layer table, a row of cell texts per layer (row 0: the header). */
function layerRows(p: Page): Promise<string[][]> {
  return p.$$eval('#bp-layers tr', (trs) =>
    trs.map((tr) => Array.from(tr.children, (c) => c.textContent ?? '')),
  );
}

describe(
  'every tab in Korean and English',
  { skip: !existsSync(CHROMIUM) && `no browser at ${CHROMIUM}` },
  () => {
    before(async () => {
      mkdirSync(SHOTS, { recursive: true });
      server = await startPlayground('preview');
      browser = await launchChromium();
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test('the language follows the browser, and ?lang= wins', async () => {
      for (const [locale, search, expected] of [
        ['ko-KR', '', 'ko'],
        ['en-US', '', 'en'],
        ['ko-KR', '?lang=en', 'en'],
        ['de-DE', '?lang=ko', 'ko'],
      ] as const) {
        const context = await browser.newContext({ locale });
        const p = await context.newPage();
        await p.goto(`${server.url}${search}#losses`);
        assert.equal(await p.getAttribute('html', 'lang'), expected, `${locale} ${search}`);
        assert.equal(
          await p.textContent('#tab-losses'),
          expected === 'ko' ? '손실 함수' : 'Loss functions',
        );
        await context.close();
      }
    });

    test('the language switch reloads the page in the other language and keeps the tab', async () => {
      const p = await openPage(browser, `${server.url}?lang=en#descent`, errors);
      await p.waitForSelector('#panel-descent[data-ready=true]');
      await Promise.all([p.waitForURL(/lang=ko/), p.selectOption('#lang-switch', 'ko')]);
      await p.waitForSelector('#panel-descent[data-ready=true]');
      assert.equal(await p.getAttribute('html', 'lang'), 'ko');
      assert.equal(await p.getAttribute('#tab-descent', 'aria-selected'), 'true');
      assert.equal(await p.textContent('#tab-descent'), '경사 하강법');
      await p.close();
    });

    test("Derivatives: the book's slopes at h = 1e-4, 0 at h = 1e-50, float32's NaN, ∇f on a click", async () => {
      const p = await openPage(browser, `${server.url}?lang=en#derivatives`, errors);
      await p.waitForSelector('#panel-derivatives[data-ready=true]');
      let d = await dataset(p, 'panel-derivatives');
      assert.equal(d.h, '0.0001');
      assert.equal(d.central, '0.1999999999990898'); // book §4.3.2, f = 0.01x² + 0.1x at x = 5
      assert.equal(d.d0, '6.00000000000378'); // book §4.3.3, ∂f/∂x0 at (3, 4)
      assert.equal(d.d1, '7.999999999999119');
      await chartReady(p, 'dv-secant-chart');
      await chartReady(p, 'dv-error-chart');
      // The h slider by keyboard: Home is h = 1e-50, where x + h == x.
      await p.focus('#dv-h');
      await p.keyboard.press('Home');
      d = await dataset(p, 'panel-derivatives');
      assert.equal(d.h, '1e-50');
      assert.equal(d.central, '0');
      assert.match((await p.textContent('#dv-note')) ?? '', /x \+ h == x/);
      await p.selectOption('#dv-precision', 'float32');
      assert.equal((await dataset(p, 'panel-derivatives')).central, 'NaN');
      // A typed formula: d/dx x³ at 2 is 12.
      await p.keyboard.press('End');
      await p.fill('#dv-h', '-4');
      await p.selectOption('#dv-precision', 'float64');
      await p.fill('#dv-expr', 'x^3');
      await p.fill('#dv-x', '2');
      assert.ok(Math.abs(Number((await dataset(p, 'panel-derivatives')).central) - 12) < 1e-6);
      await p.fill('#dv-expr', 'x^^3');
      assert.match((await p.textContent('#dv-expr-error')) ?? '', /expression 'x\^\^3'/);
      // A click on the gradient field moves the point; ∇(x0² + x1²) = (2x0, 2x1) there.
      await chartReady(p, 'dv-field-chart');
      await p.locator('#dv-field-chart svg').scrollIntoViewIfNeeded();
      const box = (await p.locator('#dv-field-chart svg').boundingBox())!;
      await p.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.3);
      d = await dataset(p, 'panel-derivatives');
      assert.ok(Number(d.p0) < 0 && Number(d.p1) > 0, `clicked at (${d.p0}, ${d.p1})`);
      assert.ok(Math.abs(Number(d.d0) - 2 * Number(d.p0)) < 1e-6, `∂f/∂x0 ${d.d0} at ${d.p0}`);
      await chartReady(p, 'dv-slice0-chart');
      await p.close();
    });

    test('Gradient descent: book presets for η, ΔL predicted beside actual, a local minimum, a saddle that noise leaves, a typed formula, the URL', async () => {
      const p = await openPage(browser, `${server.url}?lang=en#descent`, errors);
      await p.waitForSelector('#panel-descent[data-ready=true]');
      await p.click('#gd-lr-presets [data-lr="0.01"]');
      let d = await dataset(p, 'panel-descent');
      assert.equal(d.lr, '0.01');
      // Small η: the first-order prediction −η‖∇f‖² is close to the actual change.
      const [pred, actual] = [Number(d.predictedDelta), Number(d.actualDelta)];
      assert.ok(
        pred < 0 && Math.abs(actual - pred) < 0.05 * Math.abs(pred),
        `${pred} vs ${actual}`,
      );
      assert.equal(await p.locator('#gd-table tbody tr').count(), 5);
      await p.click('#gd-lr-presets [data-lr="10"]');
      assert.equal((await dataset(p, 'panel-descent')).diverged, 'true');
      await p.click('#gd-lr-presets [data-lr="1e-10"]');
      d = await dataset(p, 'panel-descent');
      assert.ok(
        Math.hypot(Number(d.finalX0) + 3, Number(d.finalX1) - 4) < 1e-6,
        'η = 1e-10 stays put',
      );

      await p.selectOption('#gd-function', 'local');
      d = await dataset(p, 'panel-descent');
      assert.ok(Math.abs(Number(d.finalX0) - 1.13) < 0.05, `local minimum at x0 ${d.finalX0}`);
      await p.fill('#gd-x0', '-2');
      await p.dispatchEvent('#gd-x0', 'change');
      d = await dataset(p, 'panel-descent');
      assert.ok(Math.abs(Number(d.finalX0) + 1.3) < 0.05, `global minimum at x0 ${d.finalX0}`);

      await p.selectOption('#gd-function', 'saddle');
      d = await dataset(p, 'panel-descent');
      assert.ok(
        Math.abs(Number(d.finalX1)) < 1e-9 && Math.abs(Number(d.finalX0)) < 0.1,
        'stuck at the saddle',
      );
      await p.check('#gd-noise');
      d = await dataset(p, 'panel-descent');
      assert.equal(d.noise, 'true');
      assert.ok(Math.abs(Number(d.finalX1)) > 1, `noise leaves the saddle: x1 = ${d.finalX1}`);
      await chartReady(p, 'gd-chart');
      await p.screenshot({ path: `${SHOTS}/descent-saddle-noise-1280.png`, fullPage: true });

      await p.fill('#gd-expr', '(x0 - 1)^2 + (x1 + 2)^2');
      d = await dataset(p, 'panel-descent');
      assert.equal(d.function, 'custom');
      await p.fill('#gd-expr', 'x0 +');
      assert.match((await p.textContent('#gd-expr-error')) ?? '', /expression 'x0 \+'/);
      await p.fill('#gd-expr', '(x0 - 1)^2 + (x1 + 2)^2');
      // The URL holds the view: a reload (or a shared link) shows the same path.
      const url = p.url();
      assert.match(url, /gd-f=custom/);
      const again = await openPage(browser, url, errors);
      await again.waitForSelector('#panel-descent[data-ready=true]');
      const d2 = await dataset(again, 'panel-descent');
      d = await dataset(p, 'panel-descent');
      assert.equal(d2.finalX0, d.finalX0);
      assert.equal(d2.function, 'custom');
      assert.equal(await again.inputValue('#gd-expr'), '(x0 - 1)^2 + (x1 + 2)^2');
      await again.close();
      await p.close();
    });

    test('Backprop: layer shapes, backprop matches the numerical gradient, training draws the regions', async () => {
      const p = await openPage(browser, `${server.url}?lang=en#backprop`, errors);
      await p.waitForSelector('#panel-backprop[data-ready=true]');
      let d = await dataset(p, 'panel-backprop');
      assert.equal(d.layers, 'Affine,Relu,Affine,SoftmaxWithLoss');
      assert.ok(Number(d.checkMaxRel) < 1e-6, `gradient check ${d.checkMaxRel}`);
      const layers = (await p.textContent('#bp-layers')) ?? '';
      for (const shape of ['x (180, 2)', 'mask (180, 10)', 'dW (2, 10)', 'db (10,)', 'y (180, 3)'])
        assert.ok(layers.includes(shape), shape);
      assert.equal(await p.locator('#bp-check tr').count(), 5); // header + W1 b1 W2 b2
      const before = Number(d.loss);
      await p.focus('#bp-train');
      await p.keyboard.press('Enter');
      await p.waitForSelector('#panel-backprop[data-state=done]');
      d = await dataset(p, 'panel-backprop');
      assert.equal(d.iteration, '300');
      assert.ok(Number(d.loss) < before / 4, `loss ${before} → ${d.loss}`);
      assert.ok(Number(d.accuracy) > 0.9, `accuracy ${d.accuracy}`);
      assert.ok(Number(d.checkMaxRel) < 1e-6, `gradient check after training ${d.checkMaxRel}`);
      await chartReady(p, 'bp-boundary-chart');
      assert.equal(await p.inputValue('#bp-head'), 'categorical');
      assert.equal(d.head, 'categorical');
      await p.screenshot({ path: `${SHOTS}/backprop-categorical.png`, fullPage: true });
      // Sigmoid from the activation table: the cache is the output, as the book's Sigmoid keeps.
      await p.selectOption('#bp-activation', 'sigmoid');
      d = await dataset(p, 'panel-backprop');
      assert.equal(d.layers, 'Affine,Sigmoid,Affine,SoftmaxWithLoss');
      assert.ok(((await p.textContent('#bp-layers')) ?? '').includes('out (180, 10)'));
      assert.match(p.url(), /bp-act=sigmoid/);
      await p.close();
    });

    test('Backprop, Bernoulli head: one logit per point, backprop matches the numerical gradient, training draws where P(y = 1) ≥ ½', async () => {
      const p = await openPage(browser, `${server.url}?lang=en&bp-head=bernoulli#backprop`, errors);
      await p.waitForSelector('#panel-backprop[data-ready=true]');
      assert.equal(await p.inputValue('#bp-head'), 'bernoulli');
      let d = await dataset(p, 'panel-backprop');
      assert.equal(d.head, 'bernoulli');
      assert.equal(d.layers, 'Affine,Relu,Affine,LossAdapter(BCEWithLogitsLoss)');
      // Measured 4.2e-9 at seed 0 (central differences, h = 1e-4, float64).
      assert.ok(Number(d.checkMaxRel) < 1e-6, `gradient check ${d.checkMaxRel}`);
      const rows = await layerRows(p);
      assert.match(rows[3]![2]!, /^\(120, 1\)/, `output layer ${rows[3]![2]}`); // 2 blobs of 60
      assert.match(rows[4]![1]!, /z \(120, 1\).*t \(120, 1\)/, `loss cache ${rows[4]![1]}`);
      assert.equal(await p.locator('#bp-check tr').count(), 5); // header + W1 b1 W2 b2
      const before = Number(d.loss);
      await p.click('#bp-train');
      await p.waitForSelector('#panel-backprop[data-state=done]');
      d = await dataset(p, 'panel-backprop');
      assert.equal(d.iteration, '300');
      // Measured 0.752 → 0.023, accuracy 0.992.
      assert.ok(Number(d.loss) < before / 4, `loss ${before} → ${d.loss}`);
      assert.ok(Number(d.accuracy) > 0.9, `accuracy ${d.accuracy}`);
      // Measured 1.7e-7 after training: larger weights, a larger h² term.
      assert.ok(Number(d.checkMaxRel) < 1e-5, `gradient check after training ${d.checkMaxRel}`);
      await chartReady(p, 'bp-boundary-chart');
      const chart = (await p.textContent('#bp-boundary-chart')) ?? '';
      assert.ok(chart.includes('P(y = 1) ≥ ½') && chart.includes('class 1'), chart);
      await p.screenshot({ path: `${SHOTS}/backprop-bernoulli.png`, fullPage: true });
      await p.close();
    });

    test('Backprop, Gaussian head with a learned σ: μ and s per x, backprop matches the numerical gradient, training draws μ ± 2σ and samples', async () => {
      const p = await openPage(
        browser,
        `${server.url}?lang=en&bp-head=gaussian-variance#backprop`,
        errors,
      );
      await p.waitForSelector('#panel-backprop[data-ready=true]');
      assert.equal(await p.inputValue('#bp-head'), 'gaussian-variance');
      assert.equal(await p.inputValue('#bp-lr'), '0.1'); // the head's default (0.5 diverges)
      let d = await dataset(p, 'panel-backprop');
      assert.equal(d.head, 'gaussian-variance');
      assert.equal(d.layers, 'Affine,Relu,Affine,GaussianVarianceLoss');
      // Measured 4.6e-8 at seed 0.
      assert.ok(Number(d.checkMaxRel) < 1e-6, `gradient check ${d.checkMaxRel}`);
      const rows = await layerRows(p);
      assert.match(rows[1]![1]!, /^x \(120, 1\)/, `input ${rows[1]![1]}`);
      assert.match(rows[3]![2]!, /^\(120, 2\)/, `output layer ${rows[3]![2]}`); // μ, s
      for (const cached of ['μ (120, 1)', 's (120, 1)', 'σ² (120, 1)', 't (120, 1)'])
        assert.ok(rows[4]![1]!.includes(cached), `${cached} in ${rows[4]![1]}`);
      const before = Number(d.loss);
      await p.click('#bp-train');
      await p.waitForSelector('#panel-backprop[data-state=done]');
      d = await dataset(p, 'panel-backprop');
      assert.equal(d.iteration, '300');
      // Measured 1.207 → 0.571, rmse 0.48, mean σ 0.55 (the noise's own mean σ is about 0.48).
      assert.ok(Number(d.loss) < 0.6 * before, `loss ${before} → ${d.loss}`);
      assert.ok(Number(d.rmse) < 0.7, `rmse ${d.rmse}`);
      assert.ok(Number(d.meanSigma) > 0.3 && Number(d.meanSigma) < 0.9, `σ ${d.meanSigma}`);
      assert.match((await p.textContent('#bp-status')) ?? '', /rmse .* mean σ/);
      // Measured 5.0e-7 after training.
      assert.ok(Number(d.checkMaxRel) < 1e-5, `gradient check after training ${d.checkMaxRel}`);
      await chartReady(p, 'bp-boundary-chart');
      assert.equal(d.samples, '61'); // one draw per grid x (LINE_GRID in backprop-charts.ts)
      const chart = (await p.textContent('#bp-boundary-chart')) ?? '';
      for (const name of ['mean μ(x)', 'μ + 2σ', 'μ − 2σ', 'samples y ~ N(μ, σ²)', 'data'])
        assert.ok(chart.includes(name), name);
      await p.screenshot({ path: `${SHOTS}/backprop-gaussian-variance.png`, fullPage: true });
      // A learning rate of 50 overflows: training stops at the first non-finite loss and says so.
      await p.fill('#bp-lr', '50');
      await p.dispatchEvent('#bp-lr', 'change');
      await p.click('#bp-train');
      await p.waitForSelector('#panel-backprop[data-state=done]');
      d = await dataset(p, 'panel-backprop');
      assert.equal(d.diverged, 'true');
      assert.ok(Number(d.iteration) < 300, `stopped at ${d.iteration}`);
      assert.match((await p.textContent('#bp-status')) ?? '', /training stopped/);
      // The chart still renders: values past 1e6 are left out, not sent to the SVG.
      await chartReady(p, 'bp-boundary-chart');
      assert.match(p.url(), /bp-head=gaussian-variance/);
      await p.close();
    });

    test('Backprop, Gaussian head in Korean: every message translated', async () => {
      const p = await openPage(
        browser,
        `${server.url}?lang=ko&bp-head=gaussian-variance#backprop`,
        errors,
      );
      await p.waitForSelector('#panel-backprop[data-ready=true]');
      await chartReady(p, 'bp-boundary-chart');
      assert.deepEqual(await untranslated(p, 'ko'), []);
      assert.match((await p.textContent('#bp-status')) ?? '', /평균 σ/);
      await p.screenshot({ path: `${SHOTS}/backprop-gaussian-variance-ko.png`, fullPage: true });
      await p.close();
    });

    test('the page answers input while the worker trains', async () => {
      const p = await openPage(browser, `${server.url}?lang=en#train`, errors);
      await p.waitForSelector('#panel-train[data-ready=true]');
      await p.fill('#tr-iters', '100000');
      await p.click('#tr-start');
      await p.waitForFunction(
        () => Number(document.getElementById('panel-train')!.dataset.iteration ?? 0) > 0,
        undefined,
        { timeout: 90_000 },
      );
      await showTab(p, 'derivatives');
      await p.focus('#dv-h');
      for (const log10 of [-4.25, -4.5]) {
        const t0 = Date.now();
        await p.keyboard.press('ArrowLeft');
        const h = Number((await dataset(p, 'panel-derivatives')).h);
        assert.ok(Math.abs(Math.log10(h) - log10) < 1e-9, `h = ${h}`);
        assert.ok(Date.now() - t0 < 5000, 'the page answered within 5 s');
      }
      assert.equal((await dataset(p, 'panel-train')).state, 'running');
      await showTab(p, 'train');
      await p.click('#tr-start'); // pause
      await p.waitForSelector('#panel-train[data-state=paused]');
      await p.close();
    });

    test('Graph: opens on apples and oranges with price 715; Backward shows 2.2, 110, 3.3, 165, 650 node by node', async () => {
      const p = await openPage(browser, `${server.url}?lang=en#graph`, errors);
      await p.waitForSelector('#panel-graph[data-state=forward]');
      assert.equal((await dataset(p, 'panel-graph')).output, '715.0000000000001');
      assert.equal(await p.locator('#gr-graph svg .node').count(), 13); // 9 variables, 4 functions
      const text = (await p.textContent('#gr-graph svg')) ?? '';
      for (const label of ['apple', 'orange_num', 'tax', 'price', '715', '650', '1.1', '×', '+'])
        assert.ok(text.includes(label), label);
      assert.equal(await p.locator('#gr-graph .grad').count(), 0, 'no gradients before Backward');
      await p.click('#gr-backward');
      await p.waitForSelector('#panel-graph[data-state=backward]');
      // The animation reveals one function node at a time.
      await p.waitForFunction(() => document.querySelectorAll('#gr-steps li').length === 1);
      await p.waitForSelector('#panel-graph[data-state=backward-done]');
      const grads = (await dataset(p, 'panel-graph')).grads!.split(',').sort();
      assert.deepEqual(grads, [
        'apple=2.2',
        'apple_num=110',
        'orange=3.3',
        'orange_num=165',
        'tax=650',
      ]);
      const red = await p.$$eval('#gr-graph .grad', (ts) => ts.map((x) => x.textContent));
      for (const g of ['2.2', '110', '3.3', '165', '650', '1.1', '1'])
        assert.ok(red.includes(g), g);
      const steps = (await p.textContent('#gr-steps')) ?? '';
      assert.ok(steps.includes('∂/∂tax = 1 × 650 = 650'), steps);
      assert.ok(steps.includes('∂/∂apple = 1.1 × 2 = 2.2'), steps);
      const check = (await p.textContent('#gr-check')) ?? '';
      assert.ok(check.includes('apple2.22.19999999'), check); // backprop 2.2, numerical 2.19999999…
      // Hovering a node gives its local rule; so does keyboard focus.
      await p.hover('#gr-graph .node[data-fn=Mul]');
      assert.match((await p.textContent('#gr-rule')) ?? '', /swaps its inputs/);
      await p.focus('#gr-graph .node[data-fn=Add]');
      assert.match((await p.textContent('#gr-rule')) ?? '', /passes the upstream gradient/);
      await p.screenshot({ path: `${SHOTS}/graph-backward-1280.png`, fullPage: true });
      // Editable inputs: 3 apples make the price (300 + 450) · 1.1 = 825.
      await p.fill('#gr-apple_num', '3');
      await p.dispatchEvent('#gr-apple_num', 'change');
      await p.waitForFunction(() =>
        document.getElementById('panel-graph')!.dataset.output!.startsWith('825'),
      );
      // A typed expression: (x + y)·z at (−2, 5, −4) is −12, with ∂/∂x = ∂/∂y = −4, ∂/∂z = 3.
      await p.selectOption('#gr-mode', 'expression');
      await p.waitForFunction(
        () => document.getElementById('panel-graph')!.dataset.output === '-12',
      );
      await p.click('#gr-backward');
      await p.waitForSelector('#panel-graph[data-state=backward-done]');
      assert.deepEqual((await dataset(p, 'panel-graph')).grads!.split(',').sort(), [
        'x=-4',
        'y=-4',
        'z=3',
      ]);
      await p.fill('#gr-expr', 'x +* y');
      await p.dispatchEvent('#gr-expr', 'change');
      assert.match((await p.textContent('#gr-error')) ?? '', /expression 'x \+\* y'/);
      assert.match(p.url(), /gr-mode=expression/);
      await p.close();
    });

    test('a shared link reproduces the Derivatives, Losses and Train settings', async () => {
      const p = await openPage(
        browser,
        `${server.url}?lang=en&dv-fn=exp&dv-x=1&dv-h=-6&dv-p0=1&dv-p1=-2&ls-loss=huber&tr-lr=0.05&tr-activation=sigmoid#derivatives`,
        errors,
      );
      await p.waitForSelector('#panel-derivatives[data-ready=true]');
      const d = await dataset(p, 'panel-derivatives');
      assert.equal(d.h, String(10 ** -6));
      assert.ok(Math.abs(Number(d.central) - Math.E) < 1e-8, `e′ at 1: ${d.central}`);
      assert.ok(Math.abs(Number(d.d1) + 4) < 1e-6, `∂f/∂x1 at x1 = −2: ${d.d1}`);
      await showTab(p, 'losses');
      assert.equal((await dataset(p, 'panel-losses')).loss, 'huber');
      await showTab(p, 'train');
      assert.equal(await p.inputValue('#tr-lr'), '0.05');
      assert.equal(await p.inputValue('#tr-activation'), 'sigmoid');
      await p.close();
    });

    test('Train: a validation fraction holds samples out of training and reports their accuracy each epoch', async () => {
      // 5,000 samples, a tenth held out: 500 validation images, so each accuracy is k / 500.
      const p = await openPage(
        browser,
        `${server.url}?lang=en&tr-size=5000&tr-val=0.1&tr-iters=90&tr-batch=100#train`,
        errors,
      );
      await p.waitForSelector('#panel-train[data-ready=true]');
      assert.equal(await p.inputValue('#tr-val'), '0.1');
      await p.click('#tr-start');
      await p.waitForSelector('#panel-train[data-state=done]', { timeout: 90_000 });
      const accuracy = Number((await dataset(p, 'panel-train')).validationAccuracy);
      assert.ok(accuracy > 0.5 && accuracy <= 1, `validation accuracy ${accuracy}`);
      const correct = accuracy * 500;
      assert.ok(Math.abs(correct - Math.round(correct)) < 1e-9, `${correct} of 500`);
      assert.equal(await p.textContent('#st-val'), accuracy.toFixed(4));
      await p.click('#tr-reset');
      assert.equal(await p.textContent('#st-val'), '–');
      await p.close();
    });

    test('Train: the numerical-vs-backprop race shows the measured ratio, both lanes at the same loss per step', async () => {
      const p = await openPage(
        browser,
        `${server.url}?lang=ko&race-d=10&race-h=10&race-s=2#train`,
        errors,
      );
      await p.waitForSelector('#panel-train[data-ready=true]');
      assert.equal(await p.inputValue('#race-seconds'), '2');
      await p.click('#race-start');
      await p.waitForSelector('#race-card[data-state=done]', { timeout: 30_000 });
      const d = await dataset(p, 'race-card');
      // P = 10·10 + 10 + 10·3 + 3 weights; numerical evaluates the loss 2P times per step.
      assert.equal(d.parameters, '143');
      const numerical = Number(d.numericalSteps);
      const backprop = Number(d.backpropSteps);
      const ratio = Number(d.ratio);
      assert.ok(numerical >= 1 && backprop > numerical, `${numerical} vs ${backprop} steps`);
      // Equal compute time: the step counts' ratio is the measured speed ratio (within a step).
      assert.ok(ratio > 10, `ratio ${ratio}`);
      assert.ok(
        Math.abs(backprop / numerical / ratio - 1) < 0.5,
        `${backprop}/${numerical} vs ${ratio}`,
      );
      // Central differences err by O(h²) per step and the error compounds: over the first 20
      // steps 5.64e-6 (as in Node), where a different start or data would differ by 0.1 or more.
      assert.ok(numerical >= 20, `${numerical} numerical steps`);
      assert.ok(Number(d.lossGap20) < 1e-5, `loss gap ${d.lossGap20}`);
      assert.ok(Number(d.lossGap) < 0.01 && Number(d.lossGap) >= Number(d.lossGap20), d.lossGap);
      assert.equal(await p.textContent('#race-ratio'), `${String(Number(ratio.toPrecision(4)))}×`);
      const status = (await p.textContent('#race-status')) ?? '';
      assert.ok(status.includes('286번'), status); // 2P loss evaluations, in Korean
      await chartReady(p, 'race-chart');
      assert.deepEqual(await untranslated(p, 'ko'), []);
      assert.match(p.url(), /race-s=2/);
      await p.locator('#race-card').screenshot({ path: `${SHOTS}/train-race-ko.png` });
      await p.close();
    });

    for (const lang of ['en', 'ko'] as const) {
      for (const [size, viewport] of [
        ['1280', DESKTOP],
        ['phone', PHONE],
      ] as const) {
        test(`${lang}, ${size}: each tab opens with every message translated`, async () => {
          const p = await openPage(browser, `${server.url}?lang=${lang}#train`, errors, viewport);
          for (const name of TABS) {
            await showTab(p, name);
            for (const chart of await p.$$eval(`#panel-${name} .chart[id]`, (els) =>
              els.filter((e) => !e.querySelector('.placeholder')).map((e) => e.id),
            ))
              await chartReady(p, chart);
            assert.deepEqual(await untranslated(p, lang), [], `${lang} ${name}`);
            if (size === 'phone') {
              const overflow = await overflowX(p);
              assert.ok(overflow <= 0, `${name}: ${overflow}px wider than the phone`);
            }
            await p.screenshot({ path: `${SHOTS}/${name}-${lang}-${size}.png`, fullPage: true });
          }
          await p.close();
        });
      }
    }

    test('no console errors or warnings', () => {
      assert.deepEqual(errors, []);
    });
  },
);
